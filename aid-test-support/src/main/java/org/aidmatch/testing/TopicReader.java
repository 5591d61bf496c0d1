package org.aidmatch.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.aidmatch.contracts.TopicValue;
import org.aidmatch.contracts.json.EventSerde;
import org.aidmatch.contracts.topics.Topic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from the beginning, as committed (transactional output that was aborted is never
 * seen), for tests that assert on what really reached the broker.
 */
public final class TopicReader<V extends TopicValue> implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final EventSerde<V> serde;
    private final List<ConsumerRecord<String, V>> seen = new ArrayList<>();

    private TopicReader(String bootstrapServers, Topic<V> topic) {
        this.consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        this.serde = topic.valueSerde();
        List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    public static <V extends TopicValue> TopicReader<V> of(String bootstrapServers, Topic<V> topic) {
        return new TopicReader<>(bootstrapServers, topic);
    }

    /** Waits until some record's value passes {@code test}, and returns that value. */
    public <T extends V> T await(Class<T> type, Predicate<T> test, Duration timeout) {
        return awaitAll(
                        records -> records.stream()
                                .anyMatch(value -> type.isInstance(value) && test.test(type.cast(value))),
                        timeout)
                .stream()
                .filter(type::isInstance)
                .map(type::cast)
                .filter(test)
                .findFirst()
                .orElseThrow();
    }

    /** Polls until the values read so far satisfy {@code done}, then returns them all. */
    public List<V> awaitAll(Predicate<List<V>> done, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            List<V> values = values();
            if (done.test(values)) {
                return values;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(
                        "timed out after " + timeout + "; read " + values.size() + " records: " + values);
            }
            poll();
        }
    }

    /** Reads whatever arrives within {@code window}, and returns all values read so far. */
    public List<V> readFor(Duration window) {
        Instant deadline = Instant.now().plus(window);
        while (Instant.now().isBefore(deadline)) {
            poll();
        }
        return values();
    }

    public List<ConsumerRecord<String, V>> records() {
        return List.copyOf(seen);
    }

    public Optional<ConsumerRecord<String, V>> recordOf(Predicate<V> test) {
        return seen.stream().filter(record -> test.test(record.value())).findFirst();
    }

    /** Other tests put garbage on shared topics on purpose: a reader passes over it, as the services do. */
    private void poll() {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
            V value;
            try {
                value = serde.deserialize(record.topic(), record.value());
            } catch (SerializationException unreadable) {
                continue;
            }
            seen.add(new ConsumerRecord<>(
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    record.timestamp(),
                    record.timestampType(),
                    record.serializedKeySize(),
                    record.serializedValueSize(),
                    record.key(),
                    value,
                    record.headers(),
                    record.leaderEpoch()));
        }
    }

    private List<V> values() {
        return seen.stream().map(ConsumerRecord::value).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
