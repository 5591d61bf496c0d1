package org.aidmatch.service.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.aidmatch.contracts.TopicValue;
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
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;

/**
 * Reads whole topics from the beginning, for ever, and hands every event to a view.
 *
 * <p>It uses no consumer group: every instance of a service reads every partition, so each keeps a
 * complete view and two instances side by side answer alike. A restart rebuilds the view by reading
 * the topics again; Kafka is the only store. It reads committed records only, so the matcher's
 * aborted transactions never show.
 *
 * <p>A view is not answered from until it has read what the topics held when following began:
 * otherwise a restarted instance would tell, say, that a cancelled request is still open. Until
 * then reads get {@link ViewNotLoaded} and health is OUT_OF_SERVICE.
 */
public final class TopicFollower implements SmartLifecycle, HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(TopicFollower.class);

    private final Map<String, Object> consumerConfig;
    private final Map<String, Topic<? extends TopicValue>> topicsByName = new HashMap<>();
    private final Map<String, EventSerde<? extends TopicValue>> serdesByTopic = new HashMap<>();
    private final Consumer<FollowedEvent> view;
    private final ViewProgress progress;
    /** Where to go on after a failure: the offset after the last record applied, per partition. */
    private final Map<TopicPartition, Long> resumeAt = new HashMap<>();
    /** What made following fail, while it is being retried; {@code null} while all is well. */
    private volatile String failure;

    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile boolean running;
    /** Cut short a pause between retries when the follower stops. */
    private final CountDownLatch stopping = new CountDownLatch(1);

    private Thread thread;

    /** One event (or directory record) as read, with where it stands in its topic. */
    public record FollowedEvent(TopicValue event, TopicPartition partition, long offset) {}

    /**
     * Follows topics whose values are all {@code V}s, such as events of the requests and matches
     * topics, or the directory's records, and hands each to {@code view}.
     */
    @SuppressWarnings("unchecked")
    public <V extends TopicValue> TopicFollower(
            Map<String, Object> consumerConfig, List<? extends Topic<? extends V>> topics, Consumer<? super V> view) {
        this(List.copyOf(topics), consumerConfig, followed -> view.accept((V) followed.event()));
    }

    /** For views that need to know each event's position, for instance to resume a stream. */
    public static TopicFollower withPositions(
            Map<String, Object> consumerConfig,
            List<? extends Topic<? extends TopicValue>> topics,
            Consumer<FollowedEvent> view) {
        return new TopicFollower(topics, consumerConfig, view);
    }

    private TopicFollower(
            List<? extends Topic<? extends TopicValue>> topics,
            Map<String, Object> consumerConfig,
            Consumer<FollowedEvent> view) {
        this.consumerConfig = new HashMap<>(consumerConfig);
        this.consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // Every instance follows whole topics, so a fetch per record would cost the broker a request
        // per record per instance; waiting up to 50 ms for more batches them. On a saturated 2-core
        // machine this kept the matcher from falling behind at 150 posts/s (BENCHMARKS.md).
        this.consumerConfig.putIfAbsent(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 64 * 1024);
        this.consumerConfig.putIfAbsent(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
        for (Topic<? extends TopicValue> topic : topics) {
            topicsByName.put(topic.name(), topic);
            serdesByTopic.put(topic.name(), topic.valueSerde());
        }
        this.view = view;
        this.progress = new ViewProgress(topicsByName.keySet());
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
        stopping.countDown();
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

    /** Whether the view holds everything the topics held when following began. */
    public boolean isLoaded() {
        return progress.isLoaded();
    }

    @Override
    public Health health() {
        String lastFailure = failure;
        if (lastFailure != null) {
            return Health.down()
                    .withDetail("topics", topicsByName.keySet())
                    .withDetail("reason", "cannot read the topics, retrying; the view does not update")
                    .withDetail("error", lastFailure)
                    .build();
        }
        return (progress.isLoaded() ? Health.up() : Health.outOfService().withDetail("reason", "loading the view"))
                .withDetail("topics", topicsByName.keySet())
                .build();
    }

    /**
     * Waits, up to the timeout, until the view is loaded and has applied every record up to and
     * including the given offsets (typically this instance's own writes, so that a caller reads
     * what it just wrote). Throws {@link ViewNotLoaded} if the view is still loading then; a view
     * that is loaded but behind the given offsets is answered from as it is.
     */
    public void awaitReadable(Map<TopicPartition, Long> offsets, Duration timeout) {
        if (!progress.awaitCaughtUp(offsets, timeout) && !progress.isLoaded()) {
            throw new ViewNotLoaded(
                    "The view of " + String.join(" and ", topicsByName.keySet()) + " is still being read from Kafka");
        }
    }

    /**
     * Follows until stopped. When the broker stays away longer than the consumer's timeouts (at
     * start, or while positions are read), the consumer gives up with an exception; the follower
     * then starts over with a new consumer, after a growing pause, from where the view stands, so
     * the service recovers when the broker does and no event is applied twice.
     */
    private void follow() {
        Duration pause = RetryPauses.FIRST;
        while (running) {
            try (KafkaConsumer<String, byte[]> kafka =
                    new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer())) {
                consumer = kafka;
                if (!running) {
                    return; // stopped while the consumer was being made, so its wakeup was missed
                }
                followWith(kafka);
            } catch (WakeupException e) {
                if (running) {
                    fail(e, pause);
                }
            } catch (RuntimeException e) {
                if (failure == null) {
                    pause = RetryPauses.FIRST; // it had been following: a new outage starts the pauses over
                }
                fail(e, pause);
            }
            pauseQuietly(pause);
            pause = RetryPauses.after(pause);
        }
    }

    private void followWith(KafkaConsumer<String, byte[]> kafka) {
        List<TopicPartition> partitions = awaitPartitions(kafka);
        kafka.assign(partitions);
        for (TopicPartition partition : partitions) {
            Long next = resumeAt.get(partition);
            if (next == null) {
                kafka.seekToBeginning(List.of(partition));
            } else {
                kafka.seek(partition, next);
            }
        }
        progress.beginning(() -> kafka.endOffsets(partitions));
        recordPositions(kafka, partitions);
        failure = null;
        while (running) {
            for (ConsumerRecord<String, byte[]> record : kafka.poll(Duration.ofMillis(500))) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                apply(record, partition);
                resumeAt.put(partition, record.offset() + 1);
            }
            recordPositions(kafka, partitions);
        }
    }

    private void fail(RuntimeException e, Duration pause) {
        failure = e.toString();
        log.error(
                "Following {} failed; the view does not update until it succeeds again in {} s",
                topicsByName.keySet(),
                pause.toSeconds(),
                e);
    }

    private void pauseQuietly(Duration pause) {
        try {
            stopping.await(pause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            // nothing here interrupts this thread; if something does, it means stop, not retry at once for ever
            running = false;
            Thread.currentThread().interrupt();
        }
    }

    private List<TopicPartition> awaitPartitions(KafkaConsumer<String, byte[]> kafka) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topicsByName.keySet()) {
            List<PartitionInfo> infos = kafka.partitionsFor(topic);
            while (running && (infos == null || infos.isEmpty())) {
                log.info("Waiting for topic {} to exist", topic);
                pauseQuietly(RetryPauses.FIRST);
                infos = kafka.partitionsFor(topic);
            }
            if (infos != null) {
                infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
        }
        return partitions;
    }

    private void apply(ConsumerRecord<String, byte[]> record, TopicPartition partition) {
        TopicValue event;
        try {
            event = serdesByTopic.get(record.topic()).deserialize(record.topic(), record.value());
        } catch (SerializationException e) {
            // The matcher routes such records to the dead-letter topic; a view just passes over them.
            log.warn(
                    "Skipping unreadable record {}-{}@{}: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    e.getMessage());
            return;
        }
        if (event != null) {
            view.accept(new FollowedEvent(event, partition, record.offset()));
        }
    }

    private void recordPositions(KafkaConsumer<String, byte[]> kafka, List<TopicPartition> partitions) {
        Map<TopicPartition, Long> next = new HashMap<>();
        for (TopicPartition partition : partitions) {
            next.put(partition, kafka.position(partition));
        }
        progress.advancedTo(next);
    }
}
