package org.aidmatch.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** A read_committed reader of every partition of a topic, from its end when opened. */
public final class CommittedTail {

    private CommittedTail() {}

    public static KafkaConsumer<String, byte[]> open(String bootstrap, String topic) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of("bootstrap.servers", bootstrap, "isolation.level", "read_committed"),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo info : partitionsOf(consumer, topic)) {
            partitions.add(new TopicPartition(topic, info.partition()));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }

    /** Reads until {@code count} more records have arrived. */
    public static void awaitCount(KafkaConsumer<String, byte[]> consumer, long count) {
        long read = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (read < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + read + " of " + count + " records arrived");
            }
            read += consumer.poll(Duration.ofMillis(20)).count();
        }
    }

    /** A topic created a moment ago may not be in the metadata yet. */
    private static List<PartitionInfo> partitionsOf(KafkaConsumer<String, byte[]> consumer, String topic) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<PartitionInfo> partitions = consumer.partitionsFor(topic);
        while (partitions.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            partitions = consumer.partitionsFor(topic);
        }
        if (partitions.isEmpty()) {
            throw new IllegalStateException("no partitions of " + topic);
        }
        return partitions;
    }
}
