package org.aidmatch.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.aidmatch.testing.ApiClient.Response;
import tools.jackson.databind.JsonNode;

/** Steps the launcher's stories share: what was created, a request's match, and waiting for something to hold. */
final class Stories {

    private Stories() {}

    /** The id of what a 201 created. */
    static String created(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    /** The first match of a request (as read) with this donor; {@code null} if none yet. */
    static JsonNode matchWith(Response request, String donor) {
        if (request.status() != 200) {
            return null;
        }
        for (JsonNode match : request.json().get("matches")) {
            if (match.get("donorOrganization").asString().equals(donor)) {
                return match;
            }
        }
        return null;
    }

    /** Reads until what it reads is not null and passes, for up to 30 s; returns that. */
    static <T> T eventually(Supplier<T> read, Predicate<T> done) {
        Instant deadline = Instant.now().plusSeconds(30);
        T last = read.get();
        while (last == null || !done.test(last)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not so within 30 s; last " + last);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            last = read.get();
        }
        return last;
    }
}
