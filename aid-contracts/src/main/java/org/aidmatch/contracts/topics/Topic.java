package org.aidmatch.contracts.topics;

import java.util.Map;
import org.aidmatch.contracts.events.AidEvent;
import org.aidmatch.contracts.json.EventSerde;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * A Kafka topic of AidMatch, declared whole: its name, the events it carries with their serdes,
 * and how long it keeps them.
 *
 * <p>Every topic is keyed by supply type code, so all events about one supply type share a
 * partition and arrive in order, and one matcher task sees the whole book of that supply type.
 *
 * @param retention how long the topic keeps its records; Kafka is AidMatch's only store, so a
 *     topic whose records are the history is kept {@link Retention#FOR_EVER}
 */
public record Topic<V extends AidEvent>(String name, Class<V> valueType, Retention retention) {

    /** How long a topic keeps its records. */
    public enum Retention {
        /**
         * Nothing is ever deleted: the views rebuild from offset 0 at every start, so a record the
         * broker deleted would be a posting or a match forgotten. Costs the disk of every event ever
         * posted; at about 400 bytes an event, a million postings take some 400 MB per replica.
         */
        FOR_EVER,
        /** Kept as long as {@link TopicSettings#deadLetterRetention()}: someone must look at them by then. */
        DEAD_LETTERS,
        /**
         * Kept {@link #CLOCK_RETENTION}: a tick matters only until the matcher has committed past
         * it. Keeping it longer lets a matcher that reprocesses the last weeks from scratch fire
         * deadlines at the same ticks; beyond that, at the next record of the partition. A tick a
         * minute costs about 100 KB a partition a day.
         */
        CLOCK
    }

    public static final java.time.Duration CLOCK_RETENTION = java.time.Duration.ofDays(30);

    /** The key of every AidMatch record: the supply type code, as UTF-8 text. */
    public Serde<String> keySerde() {
        return Serdes.String();
    }

    /** The events' JSON form, as {@link org.aidmatch.contracts.json.EventJson} writes it. */
    public EventSerde<V> valueSerde() {
        return new EventSerde<>(valueType);
    }

    /** The supply type; {@code null} for a clock tick, which is written to a partition by number. */
    public String keyOf(V event) {
        return event.supplyType();
    }

    /**
     * The topic configs this topic must have, on creation and ever after. Deletion by time and by
     * size are both set, so that no broker-wide default (7 days in Kafka) applies, and the policy is
     * {@code delete}: compaction by supply type would keep one event per supply type.
     */
    public Map<String, String> configs(TopicSettings settings) {
        String retentionMs = switch (retention) {
            case FOR_EVER -> "-1";
            case DEAD_LETTERS -> Long.toString(settings.deadLetterRetention().toMillis());
            case CLOCK -> Long.toString(CLOCK_RETENTION.toMillis());
        };
        return Map.of(
                "cleanup.policy", "delete",
                "retention.ms", retentionMs,
                "retention.bytes", "-1");
    }
}
