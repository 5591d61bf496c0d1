package org.aidmatch.service.web;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.aidmatch.service.problem.Problems;
import org.aidmatch.service.security.Caller;

/**
 * {@code Idempotency-Key}: the id of what a POST creates is derived from the caller's organisation
 * and the key, so the same key always names the same resource, on any instance, after any restart.
 */
public final class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    private static final int MAX_LENGTH = 200;

    private IdempotencyKeys() {}

    /** A fresh random id without a key; the key's id with one. */
    public static String idFor(String kind, Caller caller, String key) {
        if (key == null) {
            return UUID.randomUUID().toString();
        }
        if (key.isBlank() || key.length() > MAX_LENGTH) {
            throw Problems.badRequest(HEADER + " must be 1 to " + MAX_LENGTH + " characters.");
        }
        return UUID.nameUUIDFromBytes(
                        (kind + "\n" + caller.organization() + "\n" + key).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
