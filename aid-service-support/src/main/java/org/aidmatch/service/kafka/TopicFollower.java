package org.aidmatch.service.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.aidmatch.contracts.events.AidEvent;
import org.aidmatch.contracts.json.EventSerde;
import org.aidmatch.contracts.topics.Topic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Reads whole topics from the beginning, for ever, and hands every event to a view.
 *
 * <p>It uses no consumer group: every instance of a service reads every partition, so each keeps a
 * complete view and two instances side by side answer alike. A restart rebuilds the view by reading
 * the topics again; Kafka is the only store. It reads committed records only, so the matcher's
 * aborted transactions never show.
 */
public final class TopicFollower implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TopicFollower.class);

    private final Map<String, Object> consumerConfig;
    private final Map<String, Topic<? extends AidEvent>> topicsByName = new HashMap<>();
    private final Map<String, EventSerde<? extends AidEvent>> serdesByTopic = new HashMap<>();
    private final Consumer<FollowedEvent> view;
    private final Map<TopicPartition, Long> positions = new HashMap<>();
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile boolean running;
    private Thread thread;

    /** One event as read, with where it stands in its topic. */
    public record FollowedEvent(AidEvent event, TopicPartition partition, long offset) {}

    public TopicFollower(Map<String, Object> consumerConfig, List<Topic<? extends AidEvent>> topics,
            Consumer<AidEvent> view) {
        this(topics, consumerConfig, followed -> view.accept(followed.event()));
    }

    /** For views that need to know each event's position, for instance to resume a stream. */
    public static TopicFollower withPositions(Map<String, Object> consumerConfig,
            List<Topic<? extends AidEvent>> topics, Consumer<FollowedEvent> view) {
        return new TopicFollower(topics, consumerConfig, view);
    }

    private TopicFollower(List<Topic<? extends AidEvent>> topics, Map<String, Object> consumerConfig,
            Consumer<FollowedEvent> view) {
        this.consumerConfig = new HashMap<>(consumerConfig);
        this.consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        for (Topic<? extends AidEvent> topic : topics) {
            topicsByName.put(topic.name(), topic);
            serdesByTopic.put(topic.name(), new EventSerde<>(topic.valueType()));
        }
        this.view = view;
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::follow, "topic-follower-" + String.join("+", topicsByName.keySet()));
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            if (thread != null) {
                thread.join(5_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Waits until the view has applied every record up to and including the given offsets, or the
     * timeout passes. Returns whether it caught up.
     */
    public boolean awaitCaughtUp(Map<TopicPartition, Long> offsets, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        synchronized (positions) {
            while (!caughtUp(offsets)) {
                long left = Duration.between(Instant.now(), deadline).toMillis();
                if (left <= 0) {
                    return false;
                }
                try {
                    positions.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    private boolean caughtUp(Map<TopicPartition, Long> offsets) {
        for (Map.Entry<TopicPartition, Long> entry : offsets.entrySet()) {
            if (topicsByName.containsKey(entry.getKey().topic())
                    && positions.getOrDefault(entry.getKey(), 0L) <= entry.getValue()) {
                return false;
            }
        }
        return true;
    }

    private void follow() {
        try (KafkaConsumer<String, byte[]> kafka =
                new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer = kafka;
            List<TopicPartition> partitions = awaitPartitions(kafka);
            kafka.assign(partitions);
            kafka.seekToBeginning(partitions);
            while (running) {
                for (ConsumerRecord<String, byte[]> record : kafka.poll(Duration.ofMillis(500))) {
                    apply(record);
                }
                recordPositions(kafka, partitions);
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException e) {
            log.error("Stopped following {}: the view no longer updates", topicsByName.keySet(), e);
            running = false;
        }
    }

    private List<TopicPartition> awaitPartitions(KafkaConsumer<String, byte[]> kafka) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topicsByName.keySet()) {
            List<PartitionInfo> infos = kafka.partitionsFor(topic, Duration.ofSeconds(30));
            while (running && (infos == null || infos.isEmpty())) {
                log.info("Waiting for topic {} to exist", topic);
                infos = kafka.partitionsFor(topic, Duration.ofSeconds(30));
            }
            if (infos != null) {
                infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
        }
        return partitions;
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        AidEvent event;
        try {
            event = serdesByTopic.get(record.topic()).deserialize(record.topic(), record.value());
        } catch (SerializationException e) {
            // The matcher routes such records to the dead-letter topic; a view just passes over them.
            log.warn("Skipping unreadable record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
            return;
        }
        if (event != null) {
            view.accept(new FollowedEvent(event, new TopicPartition(record.topic(), record.partition()), record.offset()));
        }
    }

    private void recordPositions(KafkaConsumer<String, byte[]> kafka, List<TopicPartition> partitions) {
        synchronized (positions) {
            for (TopicPartition partition : partitions) {
                positions.put(partition, kafka.position(partition));
            }
            positions.notifyAll();
        }
    }
}
