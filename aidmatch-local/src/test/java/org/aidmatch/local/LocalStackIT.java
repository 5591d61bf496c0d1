package org.aidmatch.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.aidmatch.contracts.events.MatchEvent;
import org.aidmatch.contracts.events.MatchMade;
import org.aidmatch.contracts.topics.Topics;
import org.aidmatch.testing.ApiClient;
import org.aidmatch.testing.ApiClient.Response;
import org.aidmatch.testing.TestApiKeys;
import org.aidmatch.testing.TopicReader;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * End to end, as a user runs it: the local launcher's own KRaft broker and the three services;
 * a need and an offer posted over HTTP; the match read from {@code aid.matches.v1}; then a restart
 * on the same data directory that keeps everything.
 */
class LocalStackIT {

    @TempDir
    Path dataDir;

    @Test
    void a_need_and_an_offer_posted_over_http_are_matched_and_survive_a_restart() throws IOException {
        LocalSettings settings = FreePorts.settings(dataDir);
        ApiClient requests = ApiClient.onPort(settings.requestPort());
        ApiClient offers = ApiClient.onPort(settings.offerPort());
        String requestPath;
        String firstOfferId;

        // a Spring property on the launcher's command line reaches the services
        try (LocalStack stack = LocalStack.start(settings, List.of("--aidmatch.topics.dead-letter-retention=7d"));
                TopicReader<MatchEvent> matches = TopicReader.of(stack.bootstrapServers(), Topics.MATCHES)) {
            assertThat(topicConfig(stack, Topics.OFFERS_DEAD_LETTER.name(), "retention.ms"))
                    .isEqualTo(Long.toString(Duration.ofDays(7).toMillis()));
            assertThat(topicConfig(stack, Topics.REQUESTS.name(), "retention.ms"))
                    .isEqualTo("-1");
            Response request = requests.post("/api/v1/requests", TestApiKeys.REQUESTER, """
                    {"supplyType":"SV-PSYCHOSOCIAL-SUPPORT","quantity":60,"country":"KE","urgency":"HIGH"}""");
            assertThat(request.status()).isEqualTo(201);
            String requestId = request.json().get("id").asString();
            requestPath = "/api/v1/requests/" + requestId;

            Response offer = offers.post("/api/v1/offers", TestApiKeys.DONOR, """
                    {"supplyType":"SV-PSYCHOSOCIAL-SUPPORT","quantity":40,"serviceArea":["002"]}""");
            assertThat(offer.status()).isEqualTo(201);
            firstOfferId = offer.json().get("id").asString();

            MatchMade match =
                    matches.await(MatchMade.class, m -> m.requestId().equals(requestId), Duration.ofSeconds(60));
            assertThat(match.offerId()).isEqualTo(firstOfferId);
            assertThat(match.quantity()).isEqualTo(40);
            assertThat(match.matchedArea()).isEqualTo("002");
            assertThat(match.requesterOrganization()).isEqualTo(TestApiKeys.REQUESTER_ORG);
            assertThat(match.donorOrganization()).isEqualTo(TestApiKeys.DONOR_ORG);
            JsonNode seen = awaitStatus(requests, requestPath, "PARTIALLY_MATCHED");
            assertThat(seen.get("remainingQuantity").asLong()).isEqualTo(20);
        }

        try (LocalStack restarted = LocalStack.start(settings)) {
            JsonNode kept = awaitStatus(requests, requestPath, "PARTIALLY_MATCHED");
            assertThat(kept.get("matches").get(0).get("offerId").asString()).isEqualTo(firstOfferId);

            offers.post("/api/v1/offers", TestApiKeys.OTHER_DONOR, """
                    {"supplyType":"SV-PSYCHOSOCIAL-SUPPORT","quantity":100,"serviceArea":["001"]}""");

            JsonNode matched = awaitStatus(requests, requestPath, "MATCHED");
            assertThat(matched.get("matchedQuantity").asLong())
                    .as("the restored book still knew what was left")
                    .isEqualTo(60);
            assertThat(matched.get("matches")).hasSize(2);
        }
    }

    private static String topicConfig(LocalStack stack, String topic, String name) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            return admin.describeConfigs(List.of(resource))
                    .all()
                    .get()
                    .get(resource)
                    .get(name)
                    .value();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode awaitStatus(ApiClient client, String path, String status) {
        Instant deadline = Instant.now().plusSeconds(60);
        Response last = null;
        while (Instant.now().isBefore(deadline)) {
            last = client.get(path, TestApiKeys.REQUESTER);
            if (last.status() == 200 && status.equals(last.json().get("status").asString())) {
                return last.json();
            }
            sleep();
        }
        throw new AssertionError(
                "status never became " + status + "; last answer " + (last == null ? null : last.body()));
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
