package org.aidmatch.service.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.aidmatch.contracts.events.AidEvent;
import org.aidmatch.contracts.events.RequestPosted;
import org.aidmatch.contracts.events.Urgency;
import org.aidmatch.contracts.topics.Topics;
import org.aidmatch.testing.Events;
import org.aidmatch.testing.KafkaTestBroker;
import org.aidmatch.testing.TopicWriter;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

/** A view is not answered from before it holds what its topics held when it started following. */
class TopicFollowerIT {

    @Test
    void reads_wait_for_the_view_to_load_and_then_see_everything_written_before_the_start() throws Exception {
        KafkaTestBroker.createTopics();
        String prefix = UUID.randomUUID() + "-";
        List<RequestPosted> written = IntStream.range(0, 2_000)
                .mapToObj(i -> Events.request(prefix + i, "PPE-GOWN", 10, "TJ", Urgency.NORMAL))
                .toList();
        try (TopicWriter writer = new TopicWriter(KafkaTestBroker.bootstrapServers())) {
            writer.sendAll(written);
        }

        CountDownLatch gate = new CountDownLatch(1);
        Set<String> seen = ConcurrentHashMap.newKeySet();
        TopicFollower follower = new TopicFollower(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers()),
                List.of(Topics.REQUESTS),
                event -> {
                    awaitQuietly(gate);
                    record(event, prefix, seen);
                });
        follower.start();
        try {
            assertThatThrownBy(() -> follower.awaitReadable(Map.of(), Duration.ofMillis(300)))
                    .isInstanceOf(ViewNotLoaded.class);
            assertThat(follower.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);

            gate.countDown();
            follower.awaitReadable(Map.of(), Duration.ofSeconds(30));

            assertThat(follower.isLoaded()).isTrue();
            assertThat(seen).hasSize(written.size());
            assertThat(follower.health().getStatus()).isEqualTo(Status.UP);
        } finally {
            gate.countDown();
            follower.stop();
        }
    }

    private static void record(AidEvent event, String prefix, Set<String> seen) {
        if (event instanceof RequestPosted posted && posted.requestId().startsWith(prefix)) {
            seen.add(posted.requestId());
        }
    }

    private static void awaitQuietly(CountDownLatch gate) {
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
