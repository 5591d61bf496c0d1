package org.aidmatch.matcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.aidmatch.contracts.events.MatchEvent;
import org.aidmatch.contracts.events.MatchMade;
import org.aidmatch.contracts.events.Urgency;
import org.aidmatch.contracts.topics.Topic;
import org.aidmatch.contracts.topics.Topics;
import org.aidmatch.testing.Events;
import org.aidmatch.testing.KafkaTestBroker;
import org.aidmatch.testing.TopicReader;
import org.aidmatch.testing.TopicWriter;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The matcher application against a real broker: exactly-once output, and poison that does not stop it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext // stop this matcher after the class, so it cannot echo other tests' decisions
class MatcherOnBrokerIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) throws IOException {
        registry.add("spring.kafka.bootstrap-servers", KafkaTestBroker::bootstrapServers);
        registry.add("spring.kafka.streams.state-dir", Files.createTempDirectory("matcher-it-state")::toString);
        registry.add("spring.kafka.streams.application-id", () -> "matcher-it-" + UUID.randomUUID());
    }

    private final String bootstrap = KafkaTestBroker.bootstrapServers();
    private final String suffix = UUID.randomUUID().toString();

    @Test
    void a_request_and_an_offer_written_to_their_topics_come_out_as_one_committed_match() {
        try (TopicWriter writer = new TopicWriter(bootstrap);
                TopicReader<MatchEvent> matches = TopicReader.of(bootstrap, Topics.MATCHES)) {
            writer.send(
                    Topics.REQUESTS,
                    Events.request("req-" + suffix, "EQ-OXYGEN-CONCENTRATOR", 40, "PK", Urgency.CRITICAL));
            writer.send(Topics.OFFERS, Events.offer("off-" + suffix, "EQ-OXYGEN-CONCENTRATOR", 25, "034"));

            MatchMade match = matches.await(MatchMade.class, m -> m.requestId().equals("req-" + suffix), WAIT);

            assertThat(match.offerId()).isEqualTo("off-" + suffix);
            assertThat(match.quantity()).isEqualTo(25);
            assertThat(match.matchedArea()).isEqualTo("034");
            assertThat(matches.readFor(Duration.ofSeconds(1)))
                    .filteredOn(event ->
                            event instanceof MatchMade m && m.requestId().equals("req-" + suffix))
                    .as("exactly one match for the pair")
                    .hasSize(1);
        }
    }

    /** Unreadable on each input topic: the JSON breaks off, and a quantity is not a number. */
    @ParameterizedTest
    @ValueSource(strings = {"aid.requests.v1", "aid.offers.v1"})
    void an_unreadable_record_lands_in_its_topics_dead_letter_topic_with_its_cause_and_matching_goes_on(String topic) {
        Topic<?> input = topic.equals(Topics.REQUESTS.name()) ? Topics.REQUESTS : Topics.OFFERS;
        Topic<?> deadLetters = Topics.deadLetterOf(input.name());
        try (TopicWriter writer = new TopicWriter(bootstrap);
                TopicReader<MatchEvent> matches = TopicReader.of(bootstrap, Topics.MATCHES)) {
            byte[] garbage = ("{\"type\":\"" + (input == Topics.REQUESTS ? "RequestPosted" : "OfferPosted")
                            + "\",\"quantity\":\"lots\",\"marker\":\"" + suffix + "\"")
                    .getBytes(StandardCharsets.UTF_8);
            writer.sendRaw(input.name(), "PPE-GLOVES-EXAM", garbage);
            writer.send(
                    Topics.REQUESTS,
                    Events.request("req-" + topic + suffix, "PPE-GLOVES-EXAM", 10, "UZ", Urgency.NORMAL));
            writer.send(Topics.OFFERS, Events.offer("off-" + topic + suffix, "PPE-GLOVES-EXAM", 10, "143"));

            ConsumerRecord<byte[], byte[]> dead = awaitDeadLetter(deadLetters, suffix);
            matches.await(MatchMade.class, m -> m.requestId().equals("req-" + topic + suffix), WAIT);

            assertThat(dead.value()).isEqualTo(garbage);
            assertThat(header(dead, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(input.name());
            assertThat(header(dead, KafkaHeaders.DLT_EXCEPTION_MESSAGE))
                    .contains("cannot read " + input.valueType().getSimpleName());
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private ConsumerRecord<byte[], byte[]> awaitDeadLetter(Topic<?> deadLetters, String marker) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(deadLetters.name(), Duration.ofSeconds(10)).stream()
                            .map(info -> new TopicPartition(info.topic(), info.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (new String(record.value(), StandardCharsets.UTF_8).contains(marker)) {
                        return record;
                    }
                }
            }
            throw new AssertionError("no dead letter with " + marker + " on " + deadLetters.name());
        }
    }
}
