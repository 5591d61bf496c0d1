package org.aidmatch.offer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.aidmatch.testing.ApiClient.Response;
import org.aidmatch.testing.ServiceOverHttpTest;
import org.aidmatch.testing.TestApiKeys;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** An offers list uploaded as CSV, through the real HTTP stack onto a real broker. */
class OfferImportIT extends ServiceOverHttpTest {

    private final String marker = UUID.randomUUID().toString();

    @Test
    void an_offers_list_posts_each_row_with_its_areas_and_auto_accept_and_only_once() {
        String csv = """
                Supply type,Quantity,Service area,Available until,Auto-accept,Note
                PPE-GOWN,800,014 kz;143,2099-01-31,yes,%1$s
                DX-PCR-TEST,5000,001,,no,%1$s
                """.formatted(marker);
        JsonNode posted = upload(csv, false, TestApiKeys.DONOR).json();
        assertThat(posted.path("posted").asInt()).isEqualTo(2);

        String id = posted.path("results").get(0).path("id").asString();
        JsonNode gowns = api.get("/api/v1/offers/" + id, TestApiKeys.DONOR).json();
        assertThat(gowns.path("serviceArea").valueStream().map(JsonNode::asString))
                .containsExactly("014", "KZ", "143");
        assertThat(gowns.path("autoAccept").asBoolean()).isTrue();
        assertThat(gowns.path("availableUntil").asString()).isEqualTo("2099-01-31");

        assertThat(upload(csv, false, TestApiKeys.DONOR)
                        .json()
                        .path("alreadyPosted")
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    void a_bad_area_or_a_requester_is_refused_and_nothing_is_posted() {
        String csv = """
                #item+code,#item+num+offered,#region+code,#meta+autoaccept,#description+notes
                PPE-GOWN,800,ATLANTIS,perhaps,%s
                """.formatted(marker);
        JsonNode checked = upload(csv, true, TestApiKeys.DONOR).json();
        assertThat(checked.path("results").get(0).path("errors").findValuesAsString("field"))
                .containsExactly("autoAccept", "serviceArea");
        assertThat(upload(csv, false, TestApiKeys.DONOR).status()).isEqualTo(422);
        assertThat(upload(csv, true, TestApiKeys.REQUESTER).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/offers?size=100", TestApiKeys.DONOR).body()).doesNotContain(marker);
    }

    private Response upload(String csv, boolean dryRun, String key) {
        return api.send(api.request("/api/v1/offers/imports?dryRun=" + dryRun, key)
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)));
    }
}
