package org.aidmatch.service.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.aidmatch.contracts.TopicValue;
import org.aidmatch.contracts.topics.Topic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps a state of this instance (the directory, the catalogue) up to date from compacted topics,
 * and can wait until it holds what they hold now, so that something written a moment ago on
 * another instance is found on its first use here. It is not a {@link TopicFollower} bean itself,
 * so that each service's own view stays the one follower its controllers wait on.
 */
public class StateFollower implements SmartLifecycle, HealthIndicator {
    /** Lookups of unknown keys within this long of each other share one look at the topics' ends. */
    private static final Duration ENDS_REUSED_FOR = Duration.ofMillis(250);

    private final List<? extends Topic<?>> topics;
    private final TopicFollower follower;
    private final Map<String, Object> consumerConfig;
    private KafkaConsumer<byte[], byte[]> endsReader;
    private Map<TopicPartition, Long> lastEnds = Map.of();
    private long endsReadAt;

    protected <V extends TopicValue> StateFollower(
            Map<String, Object> consumerConfig, List<? extends Topic<? extends V>> topics, Consumer<? super V> state) {
        this.topics = List.copyOf(topics);
        this.follower = new TopicFollower(consumerConfig, topics, state);
        this.consumerConfig = new HashMap<>(consumerConfig);
        this.consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    }

    /**
     * Waits, bounded, until the state has read all that its topics hold now. A key issued or a
     * supply type added a moment ago on another instance then works here on its first use, instead
     * of being refused until the follower's next fetch. Asks close together share one look at the
     * topics' ends, so a flood of unknown keys or codes costs the broker a request every 250 ms.
     */
    public void catchUpWithTopics(Duration timeout) {
        Map<TopicPartition, Long> lastRecords = new HashMap<>();
        endOffsets().forEach((partition, end) -> {
            if (end > 0) {
                lastRecords.put(partition, end - 1);
            }
        });
        follower.awaitReadable(lastRecords, timeout);
    }

    private synchronized Map<TopicPartition, Long> endOffsets() {
        if (System.nanoTime() - endsReadAt < ENDS_REUSED_FOR.toNanos()) {
            return lastEnds;
        }
        try {
            if (endsReader == null) {
                endsReader =
                        new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer());
            }
            List<TopicPartition> partitions = new ArrayList<>();
            for (Topic<?> topic : topics) {
                for (PartitionInfo info : endsReader.partitionsFor(topic.name(), Duration.ofSeconds(1))) {
                    partitions.add(new TopicPartition(topic.name(), info.partition()));
                }
            }
            lastEnds = endsReader.endOffsets(partitions, Duration.ofSeconds(1));
        } catch (KafkaException e) {
            lastEnds = Map.of(); // the broker is away: answer from what the state holds
        }
        endsReadAt = System.nanoTime();
        return lastEnds;
    }

    /** Whether the state holds everything the topics held when this instance started. */
    public boolean isLoaded() {
        return follower.isLoaded();
    }

    /** Waits, bounded, until the state has read what this instance wrote to its topics. */
    public void awaitReadable(Map<TopicPartition, Long> offsets, Duration timeout) {
        follower.awaitReadable(offsets, timeout);
    }

    @Override
    public void start() {
        follower.start();
    }

    @Override
    public void stop() {
        follower.stop();
        synchronized (this) {
            if (endsReader != null) {
                endsReader.close(Duration.ofSeconds(1));
                endsReader = null;
            }
        }
    }

    @Override
    public boolean isRunning() {
        return follower.isRunning();
    }

    @Override
    public Health health() {
        return follower.health();
    }
}
