package org.aidmatch.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.aidmatch.testing.ApiClient;
import org.aidmatch.testing.ApiClient.Response;
import org.aidmatch.testing.TestApiKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * From posting to delivery through the launcher, over HTTP only: a donor declines, the need goes
 * at once to the next donor, who accepts and dispatches; the requester confirms a short receipt,
 * and the shortfall is matched again.
 */
class DeliveryStoryIT {

    private static final String GOWNS = "PPE-GOWN";

    @TempDir
    Path dataDir;

    @Test
    void a_declined_need_is_re_matched_shipped_received_short_and_its_shortfall_matched_again() {
        LocalSettings settings = FreePorts.settings(dataDir);
        ApiClient requests = ApiClient.onPort(settings.requestPort());
        ApiClient offers = ApiClient.onPort(settings.offerPort());
        ApiClient matcher = ApiClient.onPort(settings.matcherPort());

        try (LocalStack stack = LocalStack.start(settings, List.of("--aidmatch.matching.tick-interval=500ms"))) {
            String requestId = created(requests.post("/api/v1/requests", TestApiKeys.REQUESTER, """
                    {"supplyType":"PPE-GOWN","quantity":100,"country":"KE","urgency":"CRITICAL"}"""));
            String requestPath = "/api/v1/requests/" + requestId;
            created(offers.post("/api/v1/offers", TestApiKeys.DONOR, """
                    {"supplyType":"PPE-GOWN","quantity":100,"serviceArea":["KE"]}"""));
            JsonNode first = awaitMatch(
                    requests,
                    requestPath,
                    match -> match.get("donorOrganization").asString().equals(TestApiKeys.DONOR_ORG));
            assertThat(first.get("status").asString()).isEqualTo("PROPOSED");
            String firstId = first.get("matchId").asString();
            created(offers.post("/api/v1/offers", TestApiKeys.OTHER_DONOR, """
                    {"supplyType":"PPE-GOWN","quantity":100,"serviceArea":["014"]}"""));

            assertThat(matcher.post("/api/v1/matches/" + firstId + "/accept", TestApiKeys.OTHER_DONOR, "")
                            .status())
                    .as("another donor learns nothing of the match")
                    .isEqualTo(404);
            Response declined = matcher.post("/api/v1/matches/" + firstId + "/decline", TestApiKeys.DONOR, """
                    {"reason":"CANNOT_REACH_AREA","note":"no flights into Nairobi this week"}""");
            assertThat(declined.status()).as(declined.body()).isEqualTo(200);
            assertThat(declined.json().get("status").asString()).isEqualTo("DECLINED");

            JsonNode second = awaitMatch(
                    requests,
                    requestPath,
                    match -> match.get("donorOrganization").asString().equals(TestApiKeys.OTHER_DONOR_ORG));
            String secondId = second.get("matchId").asString();
            assertThat(second.get("reason").get("explanation").asString())
                    .startsWith("Re-matched after " + TestApiKeys.DONOR_ORG + " declined: CANNOT_REACH_AREA.");

            assertThat(matcher.post("/api/v1/matches/" + secondId + "/accept", TestApiKeys.OTHER_DONOR, "")
                            .status())
                    .isEqualTo(200);
            Response again = matcher.post("/api/v1/matches/" + secondId + "/accept", TestApiKeys.OTHER_DONOR, "");
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.json().get("matchStatus").asString()).isEqualTo("ACCEPTED");
            Response dispatched =
                    matcher.post("/api/v1/matches/" + secondId + "/dispatch", TestApiKeys.OTHER_DONOR, """
                    {"quantity":100,"shipmentReference":"AWB 176-12345675"}""");
            assertThat(dispatched.status()).as(dispatched.body()).isEqualTo(200);
            assertThat(dispatched.json().get("confirmBy").isNull()).isFalse();
            created(offers.post("/api/v1/offers", TestApiKeys.DONOR, """
                    {"supplyType":"PPE-GOWN","quantity":50,"serviceArea":["001"]}"""));

            assertThat(matcher.post("/api/v1/matches/" + secondId + "/receipt", TestApiKeys.REQUESTER, """
                            {"receivedQuantity":101}""")
                            .status())
                    .isEqualTo(400);
            Response received = matcher.post("/api/v1/matches/" + secondId + "/receipt", TestApiKeys.REQUESTER, """
                    {"receivedQuantity":70,"note":"30 gowns torn in transit"}""");
            assertThat(received.status()).as(received.body()).isEqualTo(200);
            assertThat(received.json().get("status").asString()).isEqualTo("RECEIVED");

            JsonNode third = awaitMatch(
                    requests, requestPath, match -> match.get("quantity").asLong() == 30);
            assertThat(third.get("reason").get("trigger").asString()).isEqualTo("REQUEST_RETURNED");
            JsonNode request = requests.get(requestPath, TestApiKeys.REQUESTER).json();
            assertThat(request.get("deliveredQuantity").asLong()).isEqualTo(70);
            assertThat(request.get("proposedQuantity").asLong()).isEqualTo(30);
            assertThat(request.get("remainingQuantity").asLong()).isZero();
            JsonNode history = matcher.get("/api/v1/matches/" + secondId, TestApiKeys.COORDINATOR)
                    .json()
                    .get("history");
            assertThat(history)
                    .extracting(step -> step.get("status").asString())
                    .containsExactly("PROPOSED", "ACCEPTED", "DISPATCHED", "RECEIVED");
            assertThat(history.get(3).get("note").asString()).isEqualTo("30 gowns torn in transit");
            assertThat(stack).isNotNull();
        }
    }

    private static String created(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    /** The request's first match that passes the test, once its view shows it. */
    private static JsonNode awaitMatch(ApiClient requests, String requestPath, Predicate<JsonNode> wanted) {
        Instant deadline = Instant.now().plusSeconds(60);
        Response last = null;
        while (Instant.now().isBefore(deadline)) {
            last = requests.get(requestPath, TestApiKeys.REQUESTER);
            if (last.status() == 200) {
                for (JsonNode match : last.json().get("matches")) {
                    if (wanted.test(match)) {
                        return match;
                    }
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no such match; last answer " + (last == null ? null : last.body()));
    }
}
