package org.aidmatch.service.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.aidmatch.contracts.TopicValue;
import org.aidmatch.contracts.topics.Topic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Writes an event and returns only once the broker has acknowledged it (acks=all, idempotent), so
 * that a 2xx answer is never given for a write Kafka does not hold. Nothing is written before
 * {@link DeclaredTopics} has checked that the topics keep what they are given.
 *
 * <p>It remembers the last offset it wrote per partition, so that a read on this instance can wait
 * until its view has caught up with its own writes.
 */
public final class EventPublisher {

    private static final Logger log = LoggerFactory.getLogger(EventPublisher.class);

    private final KafkaTemplate<String, TopicValue> template;
    private final Duration timeout;
    private final DeclaredTopics topics;
    private final Map<TopicPartition, Long> lastWritten = new ConcurrentHashMap<>();

    public EventPublisher(KafkaTemplate<String, TopicValue> template, Duration timeout, DeclaredTopics topics) {
        this.template = template;
        this.timeout = timeout;
        this.topics = topics;
    }

    /** Writes the event keyed by its supply type (a directory record by its id), stamped with its own time. */
    public <V extends TopicValue> RecordMetadata publish(Topic<V> topic, V event) {
        return write(topic, List.of(event)).get(0);
    }

    /**
     * Writes the events together and returns once the broker has acknowledged every one; it waits
     * once for all of them rather than once per event, which for a 5,000-row import is the
     * difference between one linger and 5,000. When any is not acknowledged, some may be written:
     * the caller's ids make a retry post the rest without doubling those.
     */
    public <V extends TopicValue> void publishAll(Topic<V> topic, List<? extends V> events) {
        write(topic, events);
    }

    /**
     * Sends a record whose loss costs only accuracy (when a key was last used) and returns at once,
     * whether or not the broker takes it; nothing is sent while the topics are not checked.
     */
    public <V extends TopicValue> void publishWithoutWaiting(Topic<V> topic, V value) {
        if (!topics.isChecked()) {
            return;
        }
        try {
            template.send(new ProducerRecord<>(
                    topic.name(), null, value.occurredAt().toEpochMilli(), topic.keyOf(value), value));
        } catch (KafkaException | org.springframework.kafka.KafkaException e) {
            log.debug("Not sent to {}: {}", topic.name(), e.toString());
        }
    }

    private <V extends TopicValue> List<RecordMetadata> write(Topic<V> topic, List<? extends V> events) {
        if (!topics.isChecked()) {
            // A topic not yet checked may be missing, or may delete what is written to it.
            throw new BrokerUnavailable("AidMatch topics are not checked yet: " + topics.problem(), null);
        }
        List<CompletableFuture<SendResult<String, TopicValue>>> sends = new ArrayList<>(events.size());
        try {
            for (V event : events) {
                sends.add(template.send(new ProducerRecord<>(
                        topic.name(), null, event.occurredAt().toEpochMilli(), topic.keyOf(event), event)));
            }
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(timeout.toMillis() + events.size(), TimeUnit.MILLISECONDS);
            List<RecordMetadata> written = new ArrayList<>(sends.size());
            for (CompletableFuture<SendResult<String, TopicValue>> send : sends) {
                RecordMetadata metadata = send.join().getRecordMetadata();
                lastWritten.merge(
                        new TopicPartition(metadata.topic(), metadata.partition()), metadata.offset(), Math::max);
                written.add(metadata);
            }
            return written;
        } catch (ExecutionException | TimeoutException | KafkaException | org.springframework.kafka.KafkaException e) {
            // Spring wraps what the producer throws while it blocks on metadata; both mean "not written".
            throw new BrokerUnavailable("Kafka did not acknowledge the write to " + topic.name(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnavailable("interrupted while writing to " + topic.name(), e);
        }
    }

    /** The highest offset this instance has written, per partition. */
    public Map<TopicPartition, Long> lastWritten() {
        return Map.copyOf(lastWritten);
    }
}
