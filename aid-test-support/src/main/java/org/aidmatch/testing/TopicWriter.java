package org.aidmatch.testing;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.aidmatch.contracts.events.AidEvent;
import org.aidmatch.contracts.json.AidEventSerializer;
import org.aidmatch.contracts.topics.Topic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes events, or raw bytes, straight to a topic, the way a producer other than our services might. */
public final class TopicWriter implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final AidEventSerializer serializer = new AidEventSerializer();

    public TopicWriter(String bootstrapServers) {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Writes the event keyed by supply type and stamped with its own time, and waits for the ack. */
    public <V extends AidEvent> void send(Topic<V> topic, V event) {
        send(new ProducerRecord<>(topic.name(), null, event.occurredAt().toEpochMilli(), topic.keyOf(event),
                serializer.serialize(topic.name(), event)));
    }

    public void sendRaw(String topic, String key, byte[] value) {
        send(new ProducerRecord<>(topic, key, value));
    }

    private void send(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("write to " + record.topic() + " failed", e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
