package org.aidmatch.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.aidmatch.contracts.events.RequestEvent;
import org.aidmatch.contracts.events.RequestPosted;
import org.aidmatch.contracts.events.Urgency;
import org.aidmatch.contracts.topics.Topics;
import org.aidmatch.testing.ApiClient.Response;
import org.aidmatch.testing.KafkaTestBroker;
import org.aidmatch.testing.ServiceOverHttpTest;
import org.aidmatch.testing.TestApiKeys;
import org.aidmatch.testing.TopicReader;
import org.aidmatch.testing.TopicWriter;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Posting a need through the real HTTP stack, onto a real broker. */
class PostRequestIT extends ServiceOverHttpTest {

    private final String marker = UUID.randomUUID().toString();

    @Test
    void a_hospital_posts_a_need_and_it_is_on_the_topic_in_its_name_before_the_201() {
        String neededBy = LocalDate.now(ZoneOffset.UTC).plusDays(10).toString();

        Response created = api.post("/api/v1/requests", TestApiKeys.REQUESTER, """
                {"supplyType":"PPE-RESPIRATOR","quantity":5000,"country":"ke","urgency":"CRITICAL",
                 "neededBy":"%s","note":"%s"}""".formatted(neededBy, marker));

        assertThat(created.status()).isEqualTo(201);
        JsonNode body = created.json();
        String id = body.get("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/v1/requests/" + id);
        assertThat(body.get("organization").asString()).isEqualTo(TestApiKeys.REQUESTER_ORG);
        assertThat(body.get("country").asString()).isEqualTo("KE");
        assertThat(body.get("status").asString()).isEqualTo("OPEN");
        assertThat(body.get("remainingQuantity").asLong()).isEqualTo(5000);

        try (TopicReader<RequestEvent> requests = TopicReader.of(KafkaTestBroker.bootstrapServers(), Topics.REQUESTS)) {
            RequestPosted posted = requests.await(
                    RequestPosted.class, event -> event.requestId().equals(id), Duration.ofSeconds(5));
            assertThat(posted.organization()).isEqualTo(TestApiKeys.REQUESTER_ORG);
            assertThat(posted.urgency()).isEqualTo(Urgency.CRITICAL);
            assertThat(posted.neededBy()).isEqualTo(LocalDate.parse(neededBy));
            assertThat(requests.recordOf(event -> event.requestId().equals(id))
                            .orElseThrow()
                            .key())
                    .as("keyed by supply type")
                    .isEqualTo("PPE-RESPIRATOR");
        }

        Response read = api.get("/api/v1/requests/" + id, TestApiKeys.REQUESTER);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("note").asString()).isEqualTo(marker);
        assertThat(read.json().get("urgency").asString()).isEqualTo("CRITICAL");
    }

    @Test
    void by_default_no_page_of_another_origin_may_call_the_service() {
        Response preflight = api.send(api.request("/api/v1/requests", null)
                .header("Origin", "http://localhost:8080")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "x-api-key")
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
        assertThat(preflight.status()).isGreaterThanOrEqualTo(400);
        assertThat(preflight.contentType()).startsWith("application/problem+json");
    }

    @Test
    void an_invalid_need_is_a_problem_listing_each_bad_field_and_nothing_is_published() {
        Response rejected = api.post("/api/v1/requests", TestApiKeys.REQUESTER, """
                {"supplyType":"PPE-UNICORN","quantity":0,"country":"XX","note":"%s"}""".formatted(marker));

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.contentType()).startsWith("application/problem+json");
        assertThat(rejected.json().get("errors").findValuesAsString("field"))
                .containsExactly("country", "quantity", "supplyType");
        assertNothingPublishedWithMarker();
    }

    @Test
    void a_client_cannot_choose_the_organisation_or_send_a_fraction() {
        Response impersonating = api.post("/api/v1/requests", TestApiKeys.REQUESTER, """
                {"supplyType":"PPE-GOWN","quantity":10,"country":"KE","organization":"Someone Else","note":"%s"}""".formatted(marker));
        Response fraction = api.post("/api/v1/requests", TestApiKeys.REQUESTER, """
                {"supplyType":"PPE-GOWN","quantity":1.5,"country":"KE","note":"%s"}""".formatted(marker));
        Response quotedNumber = api.post("/api/v1/requests", TestApiKeys.REQUESTER, """
                {"supplyType":"PPE-GOWN","quantity":"12","country":"KE","note":"%s"}""".formatted(marker));

        assertThat(impersonating.status()).isEqualTo(400);
        assertThat(impersonating.json().get("detail").asString()).contains("organization");
        assertThat(fraction.status()).isEqualTo(400);
        assertThat(quotedNumber.status()).isEqualTo(400);
        assertNothingPublishedWithMarker();
    }

    @Test
    void without_a_known_key_the_answer_is_401_and_a_donor_may_not_post_needs() {
        String body = """
                {"supplyType":"PPE-GOWN","quantity":10,"country":"KE","note":"%s"}""".formatted(marker);

        Response anonymous = api.post("/api/v1/requests", null, body);
        Response unknownKey = api.post("/api/v1/requests", "not-a-key", body);
        Response donor = api.post("/api/v1/requests", TestApiKeys.DONOR, body);

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(unknownKey.status()).isEqualTo(401);
        assertThat(donor.status()).isEqualTo(403);
        assertNothingPublishedWithMarker();
    }

    @Test
    void another_organisations_request_is_not_found_but_a_coordinator_sees_it() {
        Response created = api.post("/api/v1/requests", TestApiKeys.REQUESTER, """
                {"supplyType":"EQ-VENTILATOR","quantity":3,"country":"KE"}""");
        String path = "/api/v1/requests/" + created.json().get("id").asString();

        assertThat(api.get(path, TestApiKeys.OTHER_REQUESTER).status()).isEqualTo(404);
        assertThat(api.get(path, TestApiKeys.COORDINATOR).status()).isEqualTo(200);
    }

    @Test
    void any_organisation_can_read_the_supply_catalogue() {
        Response catalogue = api.get("/api/v1/supply-types", TestApiKeys.DONOR);

        assertThat(catalogue.status()).isEqualTo(200);
        assertThat(catalogue.json().findValuesAsString("code"))
                .hasSize(30)
                .contains("SV-MEDICAL-TEAM", "OX-CYLINDER", "MED-DEXAMETHASONE-INJ");
    }

    @Test
    void the_api_is_described_by_openapi_without_credentials_and_health_is_public() {
        Response docs = api.get("/v3/api-docs", null);
        Response ui = api.get("/swagger-ui/index.html", null);
        Response health = api.get("/actuator/health", null);
        Response metrics = api.get("/actuator/metrics", TestApiKeys.REQUESTER);

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").has("/api/v1/requests/{id}")).isTrue();
        assertThat(ui.status()).isEqualTo(200);
        assertThat(health.status()).isEqualTo(200);
        assertThat(metrics.status())
                .as("actuator beyond health is for coordinators, or not exposed")
                .isIn(403, 404);
    }

    @Test
    void garbage_on_the_topics_it_follows_does_not_stop_the_view() {
        try (TopicWriter writer = new TopicWriter(KafkaTestBroker.bootstrapServers())) {
            writer.sendRaw(Topics.REQUESTS.name(), "PPE-GOWN", "{\"type\":\"RequestPosted\",".getBytes());
            writer.sendRaw(Topics.MATCHES.name(), "PPE-GOWN", new byte[] {0, 1, 2, 3});
        }

        Response created = api.post(
                "/api/v1/requests",
                TestApiKeys.REQUESTER,
                "{\"supplyType\":\"PPE-GOWN\",\"quantity\":5,\"country\":\"KE\"}");

        assertThat(api.get("/api/v1/requests/" + created.json().get("id").asString(), TestApiKeys.REQUESTER)
                        .status())
                .isEqualTo(200);
    }

    private void assertNothingPublishedWithMarker() {
        try (TopicReader<RequestEvent> requests = TopicReader.of(KafkaTestBroker.bootstrapServers(), Topics.REQUESTS)) {
            assertThat(requests.readFor(Duration.ofSeconds(1)))
                    .noneMatch(event -> event instanceof RequestPosted posted && marker.equals(posted.note()));
        }
    }
}
