package org.aidmatch.matcher.notifications;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.aidmatch.service.kafka.RetryPauses;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A member of a consumer group that reads one topic at least once: it commits only what it has
 * handled, so a restart, or another instance taking its partitions, goes on from there. When the
 * broker goes away it starts over with a new consumer after a growing pause.
 */
abstract class GroupConsumer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GroupConsumer.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final String topic;
    private final Map<String, Object> config;
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile CountDownLatch stopping = new CountDownLatch(1);
    private Thread thread;

    GroupConsumer(Map<String, Object> consumerConfig, String groupId, String topic) {
        this.topic = topic;
        this.config = new HashMap<>(consumerConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.remove(ConsumerConfig.FETCH_MIN_BYTES_CONFIG);
        config.remove(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG);
    }

    /** Handles what one poll brought (perhaps nothing), and commits what is done. */
    abstract void handle(KafkaConsumer<String, byte[]> consumer, ConsumerRecords<String, byte[]> records);

    /**
     * Before each new consumer reads (at start, and after a failure): it goes on from the committed
     * offsets, so whatever was held from the last one must go.
     */
    void beforeConsuming() {}

    /** When partitions come to this member, before it reads them. */
    void assigned(KafkaConsumer<String, byte[]> consumer, Collection<TopicPartition> partitions) {}

    /** Before partitions go to another member: commit what is done, forget the rest. */
    void revoked(KafkaConsumer<String, byte[]> consumer, Collection<TopicPartition> partitions) {}

    @Override
    public synchronized void start() {
        stopping = new CountDownLatch(1);
        running = true;
        thread = new Thread(this::consume, getClass().getSimpleName());
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
                thread.join(10_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void consume() {
        Duration pause = RetryPauses.FIRST;
        while (running) {
            try (KafkaConsumer<String, byte[]> kafka =
                    new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
                consumer = kafka;
                beforeConsuming();
                kafka.subscribe(List.of(topic), new ConsumerRebalanceListener() {
                    @Override
                    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                        revoked(kafka, partitions);
                    }

                    @Override
                    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                        assigned(kafka, partitions);
                    }
                });
                while (running) {
                    handle(kafka, kafka.poll(POLL));
                    pause = RetryPauses.FIRST;
                }
            } catch (WakeupException e) {
                // stopping
            } catch (RuntimeException e) {
                if (running) {
                    log.error("{} failed; starting over in {} s", getClass().getSimpleName(), pause.toSeconds(), e);
                    try {
                        stopping.await(pause.toMillis(), TimeUnit.MILLISECONDS);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    pause = RetryPauses.after(pause);
                }
            } finally {
                consumer = null;
            }
        }
    }
}
