package org.aidmatch.matcher.streams;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.streams.RecoveringDeserializationExceptionHandler;

/** The settings the matcher always runs with, on top of whatever {@code spring.kafka.streams.*} says. */
public final class MatcherStreamsConfig {

    private MatcherStreamsConfig() {}

    /**
     * @param base bootstrap servers, application id, state dir and any other streams properties
     * @param replicationFactor for the changelog, unless {@code base} sets one
     * @param unreadable where records that cannot be deserialized go
     */
    public static Map<String, Object> of(
            Map<String, Object> base, int replicationFactor, ConsumerRecordRecoverer unreadable) {
        Map<String, Object> config = new HashMap<>(base);
        // Exactly once: store updates, decisions and input offsets commit atomically.
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        // Decisions become visible to read_committed readers at each commit; 100 ms keeps
        // post-to-match latency low without a transaction per record.
        config.putIfAbsent(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        // Kafka Streams 4 has no default serdes; every node names its own, these only guard the rest.
        config.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        config.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class);
        config.putIfAbsent(StreamsConfig.REPLICATION_FACTOR_CONFIG, replicationFactor);
        config.putIfAbsent(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, staticMemberId(config));
        config.put(
                StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                RecoveringDeserializationExceptionHandler.class);
        config.put(RecoveringDeserializationExceptionHandler.KSTREAM_DESERIALIZATION_RECOVERER, unreadable);
        return config;
    }

    /**
     * Static group membership: a matcher that restarts, cleanly or after a crash, takes its tasks
     * back at once instead of waiting out the old member's session. The id must differ per
     * instance; every instance already has a state directory of its own, so it is derived from it.
     */
    static String staticMemberId(Map<String, Object> config) {
        String stateDir = String.valueOf(config.getOrDefault(
                StreamsConfig.STATE_DIR_CONFIG, System.getProperty("java.io.tmpdir") + "/kafka-streams"));
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
}
