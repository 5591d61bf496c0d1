package org.aidmatch.matcher;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.aidmatch.contracts.topics.Topics;
import org.aidmatch.matcher.streams.MatcherHealth;
import org.aidmatch.matcher.streams.MatcherStreams;
import org.aidmatch.matcher.streams.MatcherTopology;
import org.aidmatch.service.kafka.TopicProperties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.streams.RecoveringDeserializationExceptionHandler;

@Configuration(proxyBeanMethods = false)
class MatcherConfiguration {

    @Bean
    MatcherStreams matcherStreams(KafkaProperties kafka, TopicProperties topics) {
        Map<String, Object> config = new HashMap<>(kafka.buildStreamsProperties());
        // Exactly once: store updates, decisions and input offsets commit atomically.
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        // Decisions become visible to read_committed readers at each commit; 100 ms keeps
        // post-to-match latency low without a transaction per record.
        config.putIfAbsent(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        // Kafka Streams 4 has no default serdes; every node names its own, these only guard the rest.
        config.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        config.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class);
        config.putIfAbsent(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) topics.replicationFactor());
        config.putIfAbsent(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, staticMemberId(config));
        config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                RecoveringDeserializationExceptionHandler.class);
        config.put(RecoveringDeserializationExceptionHandler.KSTREAM_DESERIALIZATION_RECOVERER,
                unreadableRecordRecoverer(kafka));
        return new MatcherStreams(MatcherTopology.build(), config);
    }

    /**
     * Static group membership: a matcher that restarts, cleanly or after a crash, takes its tasks
     * back at once instead of waiting out the old member's session. The id must differ per
     * instance; every instance already has a state directory of its own, so it is derived from it.
     */
    static String staticMemberId(Map<String, Object> config) {
        String stateDir = String.valueOf(config.getOrDefault(StreamsConfig.STATE_DIR_CONFIG,
                System.getProperty("java.io.tmpdir") + "/kafka-streams"));
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        String where = host + ":" + Path.of(stateDir).toAbsolutePath().normalize();
        return config.get(StreamsConfig.APPLICATION_ID_CONFIG) + "-"
                + UUID.nameUUIDFromBytes(where.getBytes(StandardCharsets.UTF_8));
    }

    @Bean
    MatcherHealth matcherHealth(MatcherStreams streams) {
        return new MatcherHealth(streams);
    }

    /**
     * Copies a record the matcher cannot even read, byte for byte, to its input's dead-letter topic,
     * with the cause in Spring's {@code kafka_dlt-*} headers; the matcher then moves on.
     */
    private static DeadLetterPublishingRecoverer unreadableRecordRecoverer(KafkaProperties kafka) {
        Map<String, Object> producer = new HashMap<>(kafka.buildProducerProperties());
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        KafkaTemplate<byte[], byte[]> template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producer));
        return new DeadLetterPublishingRecoverer(template,
                (record, cause) -> new TopicPartition(Topics.deadLetterOf(record.topic()).name(), -1));
    }
}
