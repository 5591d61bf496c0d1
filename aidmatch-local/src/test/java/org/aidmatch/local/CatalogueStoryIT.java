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
 * The catalogue kept by a coordinator, across the launcher's three services on a real broker: a
 * type added at the matcher is posted at once at the request and offer services and matched; its
 * unit is fixed once it has postings; retired, it refuses new postings while what is open of it
 * is still matched.
 */
class CatalogueStoryIT {

    private static final String RADIO = "EQ-WALKIE-TALKIE";

    @TempDir
    Path dataDir;

    @Test
    void a_type_added_by_a_coordinator_is_posted_and_matched_at_once_and_retired_it_takes_no_new_postings() {
        LocalSettings settings = FreePorts.settings(dataDir);
        ApiClient requests = ApiClient.onPort(settings.requestPort());
        ApiClient offers = ApiClient.onPort(settings.offerPort());
        ApiClient matcher = ApiClient.onPort(settings.matcherPort());

        try (LocalStack stack = LocalStack.start(settings)) {
            assertThat(stack).isNotNull();
            String radio = """
                    {"code":"EQ-WALKIE-TALKIE","name":"Two-way radio (walkie-talkie)","category":"EQUIPMENT",
                     "unit":"piece","unspsc":"43191510"}""";
            assertThat(matcher.post("/api/v1/supply-types", TestApiKeys.DONOR, radio)
                            .status())
                    .as("only a coordinator changes the catalogue")
                    .isEqualTo(403);
            assertThat(requests.post("/api/v1/requests", TestApiKeys.REQUESTER, request(100))
                            .status())
                    .as("not a supply type yet")
                    .isEqualTo(400);
            Response added = matcher.post("/api/v1/supply-types", TestApiKeys.COORDINATOR, radio);
            assertThat(added.status()).as(added.body()).isEqualTo(201);
            assertThat(matcher.post("/api/v1/supply-types", TestApiKeys.COORDINATOR, radio)
                            .status())
                    .isEqualTo(409);

            String requestPath = "/api/v1/requests/"
                    + Stories.created(requests.post("/api/v1/requests", TestApiKeys.REQUESTER, request(100)));
            String firstOffer = Stories.created(offers.post("/api/v1/offers", TestApiKeys.DONOR, offer()));
            JsonNode match = Stories.eventually(
                    () -> Stories.matchWith(requests.get(requestPath, TestApiKeys.REQUESTER), TestApiKeys.DONOR_ORG),
                    found -> found != null);
            assertThat(match.get("supplyType").asString()).isEqualTo(RADIO);
            JsonNode listed = Stories.eventually(
                    () -> find(
                            offers.get("/api/v1/supply-types", TestApiKeys.DONOR)
                                    .json(),
                            RADIO),
                    found -> found != null);
            assertThat(listed.get("unspsc").asString()).isEqualTo("43191510");

            Response unit = matcher.send(matcher.request("/api/v1/supply-types/" + RADIO, TestApiKeys.COORDINATOR)
                    .header("Content-Type", "application/json")
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("""
                            {"name":"Two-way radio","category":"EQUIPMENT","unit":"set-of-two"}""")));
            assertThat(unit.status()).as("postings were counted in pieces").isEqualTo(409);
            Response renamed = matcher.send(matcher.request("/api/v1/supply-types/" + RADIO, TestApiKeys.COORDINATOR)
                    .header("Content-Type", "application/json")
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("""
                            {"name":"Two-way radio (VHF handheld)","category":"EQUIPMENT","unit":"piece","unspsc":"43191510"}""")));
            assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
            Stories.eventually(
                    () -> find(
                                    requests.get("/api/v1/supply-types", TestApiKeys.REQUESTER)
                                            .json(),
                                    RADIO)
                            .get("name")
                            .asString(),
                    "Two-way radio (VHF handheld)"::equals);

            Stories.created(offers.post("/api/v1/offers", TestApiKeys.OTHER_DONOR, offer()));
            Response retired =
                    matcher.post("/api/v1/supply-types/" + RADIO + "/retirement", TestApiKeys.COORDINATOR, "");
            assertThat(retired.status()).as(retired.body()).isEqualTo(200);
            assertThat(retired.json().get("retired").asBoolean()).isTrue();
            // a retirement reaches the other services within moments, as any change does
            for (ApiClient service : new ApiClient[] {requests, offers}) {
                Stories.eventually(
                        () -> find(
                                        service.get("/api/v1/supply-types", TestApiKeys.DONOR)
                                                .json(),
                                        RADIO)
                                .get("retired")
                                .asBoolean(),
                        Boolean::booleanValue);
            }
            Response refused = requests.post("/api/v1/requests", TestApiKeys.OTHER_REQUESTER, request(10));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body()).contains("retired");
            assertThat(offers.post("/api/v1/offers", TestApiKeys.DONOR, offer()).status())
                    .isEqualTo(400);

            Response declined = matcher.post(
                    "/api/v1/matches/" + match.get("matchId").asString() + "/decline", TestApiKeys.DONOR, """
                    {"reason":"NO_SUPPLY","note":"the radios went to the flood response"}""");
            assertThat(declined.status()).as(declined.body()).isEqualTo(200);
            JsonNode rematched = Stories.eventually(
                    () -> Stories.matchWith(
                            requests.get(requestPath, TestApiKeys.REQUESTER), TestApiKeys.OTHER_DONOR_ORG),
                    found -> found != null);
            assertThat(rematched.get("quantity").asLong())
                    .as("the open request and the open offer of a retired type still match")
                    .isEqualTo(100);
            assertThat(offers.get("/api/v1/offers/" + firstOffer, TestApiKeys.DONOR)
                            .status())
                    .isEqualTo(200);
        }
    }

    private static String request(long quantity) {
        return """
                {"supplyType":"EQ-WALKIE-TALKIE","quantity":%d,"country":"KE","urgency":"HIGH",
                 "note":"for the county ambulance crews"}""".formatted(quantity);
    }

    private static String offer() {
        return """
                {"supplyType":"EQ-WALKIE-TALKIE","quantity":100,"serviceArea":["014"]}""";
    }

    private static JsonNode find(JsonNode types, String code) {
        for (JsonNode type : types) {
            if (type.get("code").asString().equals(code)) {
                return type;
            }
        }
        return null;
    }
}
