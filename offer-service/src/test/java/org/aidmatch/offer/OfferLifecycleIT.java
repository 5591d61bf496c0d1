package org.aidmatch.offer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.UUID;
import org.aidmatch.contracts.events.OfferEvent;
import org.aidmatch.contracts.events.OfferPosted;
import org.aidmatch.contracts.events.OfferWithdrawn;
import org.aidmatch.contracts.topics.Topics;
import org.aidmatch.testing.ApiClient.Response;
import org.aidmatch.testing.KafkaTestBroker;
import org.aidmatch.testing.ServiceOverHttpTest;
import org.aidmatch.testing.TestApiKeys;
import org.aidmatch.testing.TopicReader;
import org.junit.jupiter.api.Test;

/** Listing, withdrawing and retrying offers through the real HTTP stack and a real broker. */
class OfferLifecycleIT extends ServiceOverHttpTest {

    private final String marker = UUID.randomUUID().toString();

    @Test
    void a_donor_lists_the_offers_that_can_serve_a_country_and_withdraws_one() {
        String eastAfrica = post(TestApiKeys.DONOR, "SV-MEDICAL-TEAM", 2, "[\"014\"]");
        String europe = post(TestApiKeys.DONOR, "SV-MEDICAL-TEAM", 3, "[\"150\"]");

        Response forKenya = api.get("/api/v1/offers?supplyType=SV-MEDICAL-TEAM&country=KE&size=100", TestApiKeys.DONOR);
        Response withdrawn = api.delete("/api/v1/offers/" + eastAfrica, TestApiKeys.DONOR);
        Response otherDonor = api.delete("/api/v1/offers/" + europe, TestApiKeys.OTHER_DONOR);
        Response again = api.delete("/api/v1/offers/" + eastAfrica, TestApiKeys.COORDINATOR);

        assertThat(forKenya.json().get("items").findValuesAsString("id"))
                .contains(eastAfrica)
                .doesNotContain(europe);
        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(withdrawn.json().get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(otherDonor.status()).isEqualTo(404);
        assertThat(again.status()).isEqualTo(409);
        try (TopicReader<OfferEvent> offers = TopicReader.of(KafkaTestBroker.bootstrapServers(), Topics.OFFERS)) {
            OfferWithdrawn event =
                    offers.await(OfferWithdrawn.class, e -> e.offerId().equals(eastAfrica), Duration.ofSeconds(5));
            assertThat(event.withdrawnBy()).isEqualTo(TestApiKeys.DONOR_ORG);
        }
    }

    @Test
    void a_retried_offer_with_the_same_key_is_posted_once() {
        String body = """
                {"supplyType":"EQ-VENTILATOR","quantity":12,"serviceArea":["142"],"note":"%s"}""".formatted(marker);
        Response first = postWithKey(body, marker);
        Response retry = postWithKey(body, marker);
        Response changed = postWithKey(body.replace("142", "143"), marker);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.json().get("id").asString())
                .isEqualTo(first.json().get("id").asString());
        assertThat(changed.status()).isEqualTo(409);
        try (TopicReader<OfferEvent> offers = TopicReader.of(KafkaTestBroker.bootstrapServers(), Topics.OFFERS)) {
            assertThat(offers.readFor(Duration.ofSeconds(1)))
                    .filteredOn(event -> event instanceof OfferPosted posted && marker.equals(posted.note()))
                    .hasSize(1);
        }
    }

    private Response postWithKey(String body, String key) {
        return api.send(api.request("/api/v1/offers", TestApiKeys.DONOR)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private String post(String key, String supplyType, long quantity, String area) {
        Response created = api.post("/api/v1/offers", key, """
                {"supplyType":"%s","quantity":%d,"serviceArea":%s}""".formatted(supplyType, quantity, area));
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("id").asString();
    }
}
