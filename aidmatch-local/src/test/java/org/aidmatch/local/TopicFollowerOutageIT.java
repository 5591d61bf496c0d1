package org.aidmatch.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.aidmatch.contracts.events.RequestPosted;
import org.aidmatch.contracts.events.Urgency;
import org.aidmatch.contracts.topics.Topics;
import org.aidmatch.service.kafka.TopicFollower;
import org.aidmatch.testing.Events;
import org.aidmatch.testing.KafkaTestBroker;
import org.aidmatch.testing.TopicWriter;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Status;

/**
 * A service's view outlasts its broker: absent when the service starts, and gone for a while later,
 * each time for longer than the consumer's timeouts. The view loads and goes on updating once the
 * broker is back, with no restart and no event applied twice.
 */
class TopicFollowerOutageIT {

    @TempDir
    Path dataDir;

    @Test
    void a_view_loads_once_its_broker_comes_and_goes_on_after_the_broker_returns() throws Exception {
        int port = FreePorts.next();
        int controllerPort = FreePorts.next();
        String bootstrap = "localhost:" + port;
        Map<String, Integer> seen = new ConcurrentHashMap<>();
        // Timeouts of a second stand for a broker that stays away longer than the defaults (60 s).
        TopicFollower follower = new TopicFollower(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                        ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 1_000,
                        ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, 500),
                List.of(Topics.REQUESTS),
                event -> seen.merge(((RequestPosted) event).requestId(), 1, Integer::sum));
        follower.start();
        LocalKafkaBroker broker = null;
        try {
            await(() -> follower.health().getStatus().equals(Status.DOWN), Duration.ofSeconds(20));
            assertThat(follower.isRunning())
                    .as("still trying while the broker is absent")
                    .isTrue();

            broker = LocalKafkaBroker.start(dataDir, port, controllerPort);
            KafkaTestBroker.createTopics(bootstrap);
            write(bootstrap, "before-", 50);
            await(() -> follower.health().getStatus().equals(Status.UP) && seen.size() == 50, Duration.ofSeconds(60));

            broker.close();
            broker = null;
            Thread.sleep(4_000);
            broker = LocalKafkaBroker.start(dataDir, port, controllerPort);
            write(bootstrap, "after-", 50);
            await(() -> seen.size() == 100, Duration.ofSeconds(60));

            assertThat(seen)
                    .as("every event, each applied once")
                    .hasSize(100)
                    .allSatisfy((id, times) -> assertThat(times).as(id).isEqualTo(1));
            assertThat(follower.health().getStatus()).isEqualTo(Status.UP);
        } finally {
            follower.stop();
            if (broker != null) {
                broker.close();
            }
        }
    }

    private static void write(String bootstrap, String prefix, int count) {
        List<RequestPosted> events = IntStream.range(0, count)
                .mapToObj(i -> Events.request(prefix + i, "PPE-GOWN", 10, "TJ", Urgency.NORMAL))
                .toList();
        try (TopicWriter writer = new TopicWriter(bootstrap)) {
            writer.sendAll(events);
        }
    }

    private static void await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean() && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(condition.getAsBoolean()).as("within " + timeout).isTrue();
    }
}
