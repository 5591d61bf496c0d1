package org.aidmatch.offer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.aidmatch.contracts.events.OfferEvent;
import org.aidmatch.contracts.events.OfferPosted;
import org.aidmatch.contracts.topics.Topics;
import org.aidmatch.testing.ApiClient.Response;
import org.aidmatch.testing.KafkaTestBroker;
import org.aidmatch.testing.ServiceOverHttpTest;
import org.aidmatch.testing.TestApiKeys;
import org.aidmatch.testing.TopicReader;
import org.junit.jupiter.api.Test;

/** Posting an offer through the real HTTP stack, onto a real broker. */
class PostOfferIT extends ServiceOverHttpTest {

    private final String marker = UUID.randomUUID().toString();

    @Test
    void a_donor_offers_tests_to_central_asia_and_a_country_and_it_is_on_the_topic_before_the_201() {
        Response created = api.post("/api/v1/offers", TestApiKeys.DONOR, """
                {"supplyType":"DX-PCR-TEST","quantity":20000,"serviceArea":["143","pk","143"],"note":"%s"}""".formatted(marker));

        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/v1/offers/" + id);
        assertThat(created.json().get("organization").asString()).isEqualTo(TestApiKeys.DONOR_ORG);

        try (TopicReader<OfferEvent> offers = TopicReader.of(KafkaTestBroker.bootstrapServers(), Topics.OFFERS)) {
            OfferPosted posted =
                    offers.await(OfferPosted.class, event -> event.offerId().equals(id), Duration.ofSeconds(5));
            assertThat(posted.serviceArea()).as("upper-cased, without repeats").isEqualTo(List.of("143", "PK"));
            assertThat(posted.organization()).isEqualTo(TestApiKeys.DONOR_ORG);
        }
        Response read = api.get("/api/v1/offers/" + id, TestApiKeys.DONOR);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("status").asString()).isEqualTo("OPEN");
        assertThat(api.get("/api/v1/offers/" + id, TestApiKeys.OTHER_DONOR).status())
                .isEqualTo(404);
    }

    @Test
    void a_bad_service_area_is_a_problem_and_nothing_is_published() {
        Response empty = api.post("/api/v1/offers", TestApiKeys.DONOR, """
                {"supplyType":"DX-PCR-TEST","quantity":5,"serviceArea":[],"note":"%s"}""".formatted(marker));
        Response unknownCode = api.post("/api/v1/offers", TestApiKeys.DONOR, """
                {"supplyType":"DX-PCR-TEST","quantity":5,"serviceArea":["KE","999"],"note":"%s"}""".formatted(marker));
        Response requester = api.post("/api/v1/offers", TestApiKeys.REQUESTER, """
                {"supplyType":"DX-PCR-TEST","quantity":5,"serviceArea":["KE"],"note":"%s"}""".formatted(marker));

        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("errors").findValuesAsString("field")).containsExactly("serviceArea");
        assertThat(unknownCode.status()).isEqualTo(400);
        assertThat(unknownCode.json().get("errors").findValuesAsString("field")).containsExactly("serviceArea[1]");
        assertThat(requester.status()).isEqualTo(403);
        try (TopicReader<OfferEvent> offers = TopicReader.of(KafkaTestBroker.bootstrapServers(), Topics.OFFERS)) {
            assertThat(offers.readFor(Duration.ofSeconds(1)))
                    .noneMatch(event -> event instanceof OfferPosted posted && marker.equals(posted.note()));
        }
    }
}
