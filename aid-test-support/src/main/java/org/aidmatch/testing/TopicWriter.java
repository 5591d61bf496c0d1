package org.aidmatch.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.aidmatch.contracts.TopicValue;
import org.aidmatch.contracts.commands.MatchCommand;
import org.aidmatch.contracts.events.AidEvent;
import org.aidmatch.contracts.events.RequestEvent;
import org.aidmatch.contracts.json.AidEventSerializer;
import org.aidmatch.contracts.topics.Topic;
import org.aidmatch.contracts.topics.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes events, or raw bytes, straight to a topic, the way a producer other than our services might. */
public final class TopicWriter implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final AidEventSerializer serializer = new AidEventSerializer();

    public TopicWriter(String bootstrapServers) {
        this.producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        // One request in flight keeps a batch in order through retries. Idempotence is off:
                        // on topics created a moment earlier it made the embedded broker refuse the first
                        // batches for ever (OutOfOrderSequence); a rare duplicate posting is ignored by the
                        // matcher and the views anyway.
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        false,
                        ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION,
                        1),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    /** Writes the event (or directory record) under its key, stamped with its own time, and waits for the ack. */
    public <V extends TopicValue> void send(Topic<V> topic, V event) {
        send(new ProducerRecord<>(
                topic.name(),
                null,
                event.occurredAt().toEpochMilli(),
                topic.keyOf(event),
                serializer.serialize(topic.name(), event)));
    }

    /**
     * Writes requests, offers and commands to their topics in order, and waits until all are acknowledged;
     * a few hundred at a time, so that a slow test broker is never buried under unacknowledged sends.
     */
    public void sendAll(List<? extends AidEvent> events) {
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        for (AidEvent event : events) {
            Topic<?> topic = event instanceof RequestEvent
                    ? Topics.REQUESTS
                    : event instanceof MatchCommand ? Topics.MATCH_COMMANDS : Topics.OFFERS;
            acks.add(producer.send(new ProducerRecord<>(
                    topic.name(),
                    null,
                    event.occurredAt().toEpochMilli(),
                    event.supplyType(),
                    serializer.serialize(topic.name(), event))));
            if (acks.size() == 500) {
                acks.forEach(ack -> await(ack, "a batch"));
                acks.clear();
            }
        }
        acks.forEach(ack -> await(ack, "a batch"));
    }

    public void sendRaw(String topic, String key, byte[] value) {
        send(new ProducerRecord<>(topic, key, value));
    }

    private void send(ProducerRecord<String, byte[]> record) {
        await(producer.send(record), record.topic());
    }

    private static void await(Future<RecordMetadata> ack, String what) {
        try {
            ack.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("write to " + what + " failed", e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
