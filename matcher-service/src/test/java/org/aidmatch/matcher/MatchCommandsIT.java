package org.aidmatch.matcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.aidmatch.contracts.commands.MatchCommand;
import org.aidmatch.contracts.events.AidEvent;
import org.aidmatch.contracts.events.OfferPosted;
import org.aidmatch.contracts.events.RequestPosted;
import org.aidmatch.contracts.events.Urgency;
import org.aidmatch.contracts.topics.Topics;
import org.aidmatch.testing.ApiClient;
import org.aidmatch.testing.ApiClient.Response;
import org.aidmatch.testing.KafkaTestBroker;
import org.aidmatch.testing.ServiceTestProperties;
import org.aidmatch.testing.TestApiKeys;
import org.aidmatch.testing.TopicReader;
import org.aidmatch.testing.TopicWriter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The commands on a match over HTTP, on a real broker: who may give them, and every error answer. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class MatchCommandsIT {

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) throws IOException {
        ServiceTestProperties.register(registry);
        registry.add("spring.kafka.streams.state-dir", Files.createTempDirectory("commands-it")::toString);
        registry.add("spring.kafka.streams.application-id", () -> "commands-it-" + UUID.randomUUID());
        registry.add("aidmatch.matching.accept-within", () -> "8s");
        registry.add("aidmatch.matching.tick-interval", () -> "300ms");
    }

    @LocalServerPort
    int port;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void only_the_parties_act_illegal_moves_are_409s_and_a_retry_with_its_key_writes_nothing_more() {
        ApiClient api = ApiClient.onPort(port);
        String matchId = matchOf(api, post("a-" + run));
        String path = "/api/v1/matches/" + matchId;

        assertThat(api.post(path + "/accept", TestApiKeys.OTHER_DONOR, "").status())
                .as("not a party: nothing to see")
                .isEqualTo(404);
        Response byRequester = api.post(path + "/accept", TestApiKeys.REQUESTER, "");
        assertThat(byRequester.status()).as("a party that may not accept").isEqualTo(403);
        assertThat(byRequester.contentType()).startsWith("application/problem+json");
        assertThat(api.post(path + "/decline", TestApiKeys.DONOR, """
                        {"reason":"NO_LONGER_NEEDED"}""").status())
                .as("not a donor's reason")
                .isEqualTo(400);
        assertThat(api.post(path + "/decline", TestApiKeys.DONOR, """
                        {"reason":"MAYBE"}""").status()).isEqualTo(400);
        assertThat(api.post(path + "/dispatch", TestApiKeys.DONOR, """
                        {"quantity":1000}""").status())
                .as("more than matched")
                .isEqualTo(400);

        try (TopicReader<MatchCommand> commands =
                TopicReader.of(KafkaTestBroker.bootstrapServers(), Topics.MATCH_COMMANDS)) {
            Response accepted = api.send(api.request(path + "/accept", TestApiKeys.DONOR)
                    .setHeader("Idempotency-Key", "accept-" + run)
                    .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
            assertThat(accepted.json().get("status").asString()).isEqualTo("ACCEPTED");
            Response retried = api.send(api.request(path + "/accept", TestApiKeys.DONOR)
                    .setHeader("Idempotency-Key", "accept-" + run)
                    .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
            assertThat(retried.status()).isEqualTo(200);
            List<MatchCommand> written = commands.readFor(Duration.ofSeconds(2)).stream()
                    .filter(command -> command.matchId().equals(matchId))
                    .toList();
            assertThat(written).as("the retry wrote nothing").hasSize(1);
        }

        Response again = api.post(path + "/accept", TestApiKeys.DONOR, "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("matchStatus").asString()).isEqualTo("ACCEPTED");
        assertThat(api.post(path + "/receipt", TestApiKeys.REQUESTER, """
                        {"receivedQuantity":10}""").status())
                .as("nothing was shipped yet")
                .isEqualTo(409);
    }

    @Test
    void a_proposal_nobody_answers_lapses_on_the_clock_alone() {
        ApiClient api = ApiClient.onPort(port);
        String matchId = matchOf(api, post("b-" + run));

        Instant deadline = Instant.now().plusSeconds(60);
        String status = null;
        while (Instant.now().isBefore(deadline) && !"LAPSED".equals(status)) {
            status = api.get("/api/v1/matches/" + matchId, TestApiKeys.COORDINATOR)
                    .json()
                    .get("status")
                    .asString();
            pause();
        }
        assertThat(status).as("lapsed with no posting after it").isEqualTo("LAPSED");
        JsonNode stalled =
                api.get("/api/v1/matches/stalled", TestApiKeys.COORDINATOR).json();
        assertThat(stalled.findValuesAsString("matchId")).doesNotContain(matchId);
    }

    private static String post(String id) {
        try (TopicWriter writer = new TopicWriter(KafkaTestBroker.bootstrapServers())) {
            Instant now = Instant.now();
            writer.send(
                    Topics.REQUESTS,
                    new RequestPosted(
                            UUID.randomUUID().toString(),
                            "req-" + id,
                            TestApiKeys.REQUESTER_ORG,
                            "EQ-PATIENT-MONITOR",
                            20,
                            "PK",
                            Urgency.CRITICAL,
                            null,
                            null,
                            now,
                            AidEvent.CURRENT_SCHEMA_VERSION));
            writer.send(
                    Topics.OFFERS,
                    new OfferPosted(
                            UUID.randomUUID().toString(),
                            "off-" + id,
                            TestApiKeys.DONOR_ORG,
                            "EQ-PATIENT-MONITOR",
                            20,
                            List.of("PK"),
                            null,
                            null,
                            now,
                            AidEvent.CURRENT_SCHEMA_VERSION));
        }
        return "req-" + id;
    }

    private static String matchOf(ApiClient api, String requestId) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            // Filtered: other tests on the shared broker post matches with later times, which page first;
            // and no other test posts this supply type, so no earlier need takes our offer.
            Response page = api.get(
                    "/api/v1/matches?supplyType=EQ-PATIENT-MONITOR&country=PK&organization="
                            + TestApiKeys.DONOR_ORG.replace(" ", "%20") + "&size=100",
                    TestApiKeys.COORDINATOR);
            if (page.status() == 200) {
                for (JsonNode item : page.json().get("items")) {
                    if (item.get("requestId").asString().equals(requestId)) {
                        return item.get("matchId").asString();
                    }
                }
            }
            pause();
        }
        throw new AssertionError("no match for " + requestId);
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
