package org.aidmatch.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.aidmatch.testing.ApiClient;
import org.aidmatch.testing.ApiClient.Response;
import org.aidmatch.testing.TestApiKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * An organisation's keys across the three services of the launcher, each a service instance of
 * its own reading the directory from the broker: a key issued at the matcher works at the request
 * and offer services, a rotation loses no call, a revocation stops the old key everywhere within
 * seconds, and a suspension stops every key and withdraws the organisation's offer, whose need is
 * then matched to another donor.
 */
class OnboardingStoryIT {

    private static final String ORG = "Mombasa Relief Network";

    @TempDir
    Path dataDir;

    @Test
    void keys_issued_rotated_revoked_and_suspended_take_effect_on_every_service() {
        LocalSettings settings = FreePorts.settings(dataDir);
        ApiClient requests = ApiClient.onPort(settings.requestPort());
        ApiClient offers = ApiClient.onPort(settings.offerPort());
        ApiClient matcher = ApiClient.onPort(settings.matcherPort());
        String org = "/api/v1/organisations/" + ApiClient.segment(ORG);

        try (LocalStack stack = LocalStack.start(settings)) {
            assertThat(stack).isNotNull();
            Response registered = matcher.post("/api/v1/organisations", TestApiKeys.COORDINATOR, """
                    {"name":"%s","country":"KE","type":"NGO","contactEmail":"logistics@mombasa-relief.example",
                     "roles":["DONOR"],"note":"Member of the Kenya NGO forum"}""".formatted(ORG));
            assertThat(registered.status()).as(registered.body()).isEqualTo(201);
            String first = issued(matcher.post(org + "/keys", TestApiKeys.COORDINATOR, """
                    {"label":"first","admin":true}"""));

            String offerId = Stories.created(offers.post("/api/v1/offers", first, """
                    {"supplyType":"PPE-GOWN","quantity":100,"serviceArea":["KE"]}"""));
            String requestPath = "/api/v1/requests/"
                    + Stories.created(requests.post("/api/v1/requests", TestApiKeys.REQUESTER, """
                    {"supplyType":"PPE-GOWN","quantity":100,"country":"KE","urgency":"HIGH"}"""));
            JsonNode proposal = Stories.eventually(
                    () -> Stories.matchWith(requests.get(requestPath, TestApiKeys.REQUESTER), ORG),
                    match -> match != null);
            assertThat(proposal.get("status").asString()).isEqualTo("PROPOSED");

            String second = issued(matcher.post(org + "/keys", first, """
                    {"label":"second","admin":true}"""));
            assertThat(offers.get("/api/v1/offers/" + offerId, second).status()).isEqualTo(200);
            assertThat(requests.get("/api/v1/me", second).status()).isEqualTo(200);
            String firstId = null;
            for (JsonNode key : matcher.get(org + "/keys", second).json()) {
                if (key.get("label").asString().equals("first")) {
                    firstId = key.get("keyId").asString();
                }
            }
            assertThat(matcher.delete(org + "/keys/" + firstId, second).status())
                    .isEqualTo(200);
            assertThat(Stories.eventually(
                            () -> offers.get("/api/v1/offers/" + offerId, first).status(), status -> status == 401))
                    .isEqualTo(401);
            assertThat(Stories.eventually(
                            () -> requests.get("/api/v1/me", first).status(), status -> status == 401))
                    .isEqualTo(401);
            assertThat(offers.get("/api/v1/offers/" + offerId, second).status())
                    .as("the new key goes on working")
                    .isEqualTo(200);

            Stories.created(offers.post("/api/v1/offers", TestApiKeys.OTHER_DONOR, """
                    {"supplyType":"PPE-GOWN","quantity":100,"serviceArea":["014"]}"""));
            Response suspended = matcher.post(org + "/suspension", TestApiKeys.COORDINATOR, """
                    {"note":"Registration lapsed with the NGO board"}""");
            assertThat(suspended.status()).as(suspended.body()).isEqualTo(200);
            assertThat(suspended.json().get("offersWithdrawn").asInt()).isEqualTo(1);
            assertThat(Stories.eventually(() -> offers.get("/api/v1/me", second).status(), status -> status == 401))
                    .isEqualTo(401);
            assertThat(Stories.eventually(
                            () -> offers.get("/api/v1/offers/" + offerId, TestApiKeys.COORDINATOR)
                                    .json()
                                    .get("status")
                                    .asString(),
                            "SUSPENDED"::equals))
                    .isEqualTo("SUSPENDED");
            JsonNode rematched = Stories.eventually(
                    () -> Stories.matchWith(
                            requests.get(requestPath, TestApiKeys.REQUESTER), TestApiKeys.OTHER_DONOR_ORG),
                    match -> match != null);
            assertThat(rematched.get("quantity").asLong()).isEqualTo(100);
            assertThat(rematched.get("reason").get("explanation").asString()).contains(ORG + " was suspended");
        }
    }

    private static String issued(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("key").asString();
    }
}
