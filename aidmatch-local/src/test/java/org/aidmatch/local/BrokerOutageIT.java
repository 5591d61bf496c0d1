package org.aidmatch.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import org.aidmatch.contracts.events.RequestEvent;
import org.aidmatch.contracts.events.RequestPosted;
import org.aidmatch.contracts.topics.Topics;
import org.aidmatch.request.RequestServiceApplication;
import org.aidmatch.testing.ApiClient;
import org.aidmatch.testing.ApiClient.Response;
import org.aidmatch.testing.TestApiKeys;
import org.aidmatch.testing.TopicReader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The broker goes away while clients keep posting, and comes back. Every POST got either a 201,
 * and its event is on the topic, or a 503; and the service recovers without being restarted.
 */
@Tag("faults")
class BrokerOutageIT {

    @TempDir
    Path dataDir;

    record Outcome(int status, String requestId, Duration took) {}

    @Test
    void every_post_is_either_acknowledged_and_on_the_topic_or_a_503_and_the_service_recovers() throws Exception {
        int kafkaPort = freePort();
        int controllerPort = freePort();
        LocalKafkaBroker broker = LocalKafkaBroker.start(dataDir.resolve("kafka"), kafkaPort, controllerPort);
        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        try (ConfigurableApplicationContext service = RequestServiceApplication.builder().run(
                "--server.port=0", "--spring.main.banner-mode=off",
                "--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                "--aidmatch.security.api-keys-file=" + TestApiKeys.file())) {
            ApiClient api = ApiClient.onPort(Integer.parseInt(service.getEnvironment().getProperty("local.server.port")));
            postFor(api, Duration.ofSeconds(4), outcomes);
            broker.close();
            postFor(api, Duration.ofSeconds(12), outcomes);
            broker = LocalKafkaBroker.start(dataDir.resolve("kafka"), kafkaPort, controllerPort);
            Instant recoveryDeadline = Instant.now().plusSeconds(60);
            int acknowledgedBefore = acknowledged(outcomes).size();
            while (acknowledged(outcomes).size() < acknowledgedBefore + 5 && Instant.now().isBefore(recoveryDeadline)) {
                postFor(api, Duration.ofSeconds(1), outcomes);
            }

            assertThat(outcomes).extracting(Outcome::status).as("only 201 or 503").containsOnly(201, 503);
            assertThat(outcomes).filteredOn(outcome -> outcome.status() == 503).as("the outage was felt").isNotEmpty();
            assertThat(acknowledged(outcomes).size()).as("posts succeed again without a restart")
                    .isGreaterThanOrEqualTo(acknowledgedBefore + 5);
            assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.took()).isLessThan(Duration.ofSeconds(15)));
            try (TopicReader<RequestEvent> requests = TopicReader.of(broker.bootstrapServers(), Topics.REQUESTS)) {
                Set<String> acknowledgedIds = acknowledged(outcomes);
                List<RequestEvent> onTopic = requests.awaitAll(events -> ids(events).containsAll(acknowledgedIds),
                        Duration.ofSeconds(30));
                assertThat(ids(onTopic)).containsAll(acknowledgedIds);
            }
        } finally {
            broker.close();
        }
    }

    private static void postFor(ApiClient api, Duration period, ConcurrentLinkedQueue<Outcome> outcomes) {
        Instant end = Instant.now().plus(period);
        while (Instant.now().isBefore(end)) {
            Instant start = Instant.now();
            Response response = api.post("/api/v1/requests", TestApiKeys.REQUESTER, """
                    {"supplyType":"HY-HAND-SANITIZER","quantity":40,"country":"KE"}""");
            String id = response.status() == 201 ? response.json().get("id").asString() : null;
            outcomes.add(new Outcome(response.status(), id, Duration.between(start, Instant.now())));
        }
    }

    private static Set<String> acknowledged(ConcurrentLinkedQueue<Outcome> outcomes) {
        return outcomes.stream().filter(outcome -> outcome.status() == 201).map(Outcome::requestId)
                .collect(Collectors.toSet());
    }

    private static Set<String> ids(List<RequestEvent> events) {
        return events.stream().filter(RequestPosted.class::isInstance).map(RequestEvent::requestId)
                .collect(Collectors.toSet());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
