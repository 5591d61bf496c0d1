package org.aidmatch.load;

import java.time.Duration;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.aidmatch.contracts.events.MatchEvent;
import org.aidmatch.contracts.events.MatchMade;
import org.aidmatch.contracts.json.EventSerde;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/** Times post-to-match: each watched request until its first match is readable committed. */
public final class MatchWatch {

    private static final EventSerde<MatchEvent> MATCHES = new EventSerde<>(MatchEvent.class);

    private MatchWatch() {}

    /**
     * Reads {@code matches} until {@code expected} watched requests have matched or {@code timeout}
     * has passed, recording for each the time since its entry in {@code watchedSince} (nanoTime,
     * by request id), which it removes.
     */
    public static Histogram await(
            KafkaConsumer<String, byte[]> matches, Map<String, Long> watchedSince, long expected, Duration timeout) {
        Histogram latency = Latencies.histogram();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (latency.getTotalCount() < expected && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record : matches.poll(Duration.ofMillis(20))) {
                if (MATCHES.deserialize(record.topic(), record.value()) instanceof MatchMade match) {
                    Long since = watchedSince.remove(match.requestId());
                    if (since != null) {
                        Latencies.record(latency, since, System.nanoTime());
                    }
                }
            }
        }
        return latency;
    }
}
