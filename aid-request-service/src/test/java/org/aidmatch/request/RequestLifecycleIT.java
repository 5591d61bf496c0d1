package org.aidmatch.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.UUID;
import org.aidmatch.contracts.events.RequestCancelled;
import org.aidmatch.contracts.events.RequestEvent;
import org.aidmatch.contracts.events.RequestPosted;
import org.aidmatch.contracts.topics.Topics;
import org.aidmatch.testing.ApiClient.Response;
import org.aidmatch.testing.KafkaTestBroker;
import org.aidmatch.testing.ServiceOverHttpTest;
import org.aidmatch.testing.TestApiKeys;
import org.aidmatch.testing.TopicReader;
import org.junit.jupiter.api.Test;

/** Listing, cancelling, retrying with an idempotency key, and the limits on what a body may be. */
class RequestLifecycleIT extends ServiceOverHttpTest {

    private final String marker = UUID.randomUUID().toString();

    @Test
    void a_hospital_lists_its_own_requests_newest_first_and_a_coordinator_sees_everyones() {
        String first = post(TestApiKeys.REQUESTER, "DX-SAMPLE-KIT", 100, "KE");
        String second = post(TestApiKeys.REQUESTER, "DX-SAMPLE-KIT", 200, "KE");
        String others = post(TestApiKeys.OTHER_REQUESTER, "DX-SAMPLE-KIT", 300, "KE");

        Response own = api.get("/api/v1/requests?supplyType=DX-SAMPLE-KIT&size=100", TestApiKeys.REQUESTER);
        Response all =
                api.get("/api/v1/requests?supplyType=DX-SAMPLE-KIT&country=ke&size=100", TestApiKeys.COORDINATOR);
        Response firstPage = api.get("/api/v1/requests?supplyType=DX-SAMPLE-KIT&page=0&size=1", TestApiKeys.REQUESTER);

        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().get("items").findValuesAsString("id"))
                .containsSubsequence(second, first)
                .doesNotContain(others);
        assertThat(all.json().get("items").findValuesAsString("id")).contains(first, second, others);
        assertThat(firstPage.json().get("items").findValuesAsString("id")).containsExactly(second);
        assertThat(firstPage.json().get("size").asInt()).isEqualTo(1);
        assertThat(firstPage.json().get("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(api.get("/api/v1/requests?status=NOPE", TestApiKeys.REQUESTER)
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/requests?size=1000", TestApiKeys.REQUESTER).status())
                .isEqualTo(400);
    }

    @Test
    void cancelling_publishes_the_cancellation_and_a_second_cancel_is_a_conflict() {
        String id = post(TestApiKeys.REQUESTER, "HY-DISINFECTANT", 50, "UG");

        Response cancelled = api.delete("/api/v1/requests/" + id, TestApiKeys.REQUESTER);
        Response again = api.delete("/api/v1/requests/" + id, TestApiKeys.REQUESTER);

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        try (TopicReader<RequestEvent> requests = TopicReader.of(KafkaTestBroker.bootstrapServers(), Topics.REQUESTS)) {
            RequestCancelled event =
                    requests.await(RequestCancelled.class, e -> e.requestId().equals(id), Duration.ofSeconds(5));
            assertThat(event.cancelledBy()).isEqualTo(TestApiKeys.REQUESTER_ORG);
            assertThat(event.supplyType()).isEqualTo("HY-DISINFECTANT");
        }
    }

    @Test
    void another_organisation_cannot_cancel_but_a_coordinator_can() {
        String id = post(TestApiKeys.REQUESTER, "HY-DISINFECTANT", 50, "UG");

        assertThat(api.delete("/api/v1/requests/" + id, TestApiKeys.OTHER_REQUESTER)
                        .status())
                .isEqualTo(404);
        assertThat(api.delete("/api/v1/requests/" + id, TestApiKeys.DONOR).status())
                .isEqualTo(404);
        Response byCoordinator = api.delete("/api/v1/requests/" + id, TestApiKeys.COORDINATOR);

        assertThat(byCoordinator.status()).isEqualTo(200);
        assertThat(byCoordinator.json().get("status").asString()).isEqualTo("CANCELLED");
    }

    @Test
    void a_retry_with_the_same_idempotency_key_returns_the_same_request_and_publishes_nothing_new() {
        String key = "spreadsheet-row-" + marker;
        String body = """
                {"supplyType":"PPE-FACE-SHIELD","quantity":700,"country":"NP","note":"%s"}""".formatted(marker);

        Response first = api.send(api.request("/api/v1/requests", TestApiKeys.REQUESTER)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        Response retry = api.send(api.request("/api/v1/requests", TestApiKeys.REQUESTER)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        Response changed = api.send(api.request("/api/v1/requests", TestApiKeys.REQUESTER)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body.replace("700", "701"))));

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("id").asString())
                .isEqualTo(first.json().get("id").asString());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(changed.status()).isEqualTo(409);
        try (TopicReader<RequestEvent> requests = TopicReader.of(KafkaTestBroker.bootstrapServers(), Topics.REQUESTS)) {
            assertThat(requests.readFor(Duration.ofSeconds(1)))
                    .filteredOn(event -> event instanceof RequestPosted posted && marker.equals(posted.note()))
                    .hasSize(1);
        }
    }

    @Test
    void oversized_bodies_and_wrong_content_types_are_refused_as_problems() {
        String huge = """
                {"supplyType":"PPE-GOWN","quantity":1,"country":"KE","note":"%s"}""".formatted("x".repeat(70_000));

        Response tooLarge = api.post("/api/v1/requests", TestApiKeys.REQUESTER, huge);
        Response streamedTooLarge = api.send(api.request("/api/v1/requests", TestApiKeys.REQUESTER)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(huge.getBytes()))));
        Response text = api.send(api.request("/api/v1/requests", TestApiKeys.REQUESTER)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("5000 masks please")));
        Response longNote = api.post("/api/v1/requests", TestApiKeys.REQUESTER, """
                {"supplyType":"PPE-GOWN","quantity":1,"country":"KE","note":"%s"}""".formatted("x".repeat(1_001)));

        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.contentType()).startsWith("application/problem+json");
        assertThat(streamedTooLarge.status()).isEqualTo(413);
        assertThat(text.status()).isEqualTo(415);
        assertThat(text.contentType()).startsWith("application/problem+json");
        assertThat(longNote.status()).isEqualTo(400);
        assertThat(longNote.json().get("errors").findValuesAsString("field")).containsExactly("note");
    }

    private String post(String key, String supplyType, long quantity, String country) {
        Response created = api.post("/api/v1/requests", key, """
                {"supplyType":"%s","quantity":%d,"country":"%s"}""".formatted(supplyType, quantity, country));
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("id").asString();
    }
}
