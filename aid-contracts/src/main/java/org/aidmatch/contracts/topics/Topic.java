package org.aidmatch.contracts.topics;

import java.util.Map;
import org.aidmatch.contracts.TopicValue;
import org.aidmatch.contracts.json.EventSerde;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * A Kafka topic of AidMatch, declared whole: its name, the events it carries with their serdes,
 * and how long it keeps them.
 *
 * <p>Every event topic is keyed by supply type code, so all events about one supply type share a
 * partition and arrive in order, and one matcher task sees the whole book of that supply type. The
 * directory's topics are keyed by what their records describe and keep the latest of each.
 *
 * @param retention how long the topic keeps its records; Kafka is AidMatch's only store, so a
 *     topic whose records are the history is kept {@link Retention#FOR_EVER}
 */
public record Topic<V extends TopicValue>(String name, Class<V> valueType, Retention retention) {

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
        CLOCK,
        /**
         * Compacted: the latest record per key is kept for ever, older ones go. For topics whose
         * records are states, such as an organisation or a key, not a history. Costs one record per
         * key: a few hundred bytes per organisation, key or supply type.
         */
        LATEST_PER_KEY,
        /**
         * Kept {@link #NOTIFICATION_RETENTION}: a notification matters until it is delivered or has
         * been retried for a day, and a delivery's outcome is read by its organisation for a week.
         * Costs about a kilobyte per notification and per attempt.
         */
        NOTIFICATIONS
    }

    public static final java.time.Duration CLOCK_RETENTION = java.time.Duration.ofDays(30);

    public static final java.time.Duration NOTIFICATION_RETENTION = java.time.Duration.ofDays(7);

    /** The key of every AidMatch record, as UTF-8 text: the supply type, or the id of what a directory record describes. */
    public Serde<String> keySerde() {
        return Serdes.String();
    }

    /** The events' JSON form, as {@link org.aidmatch.contracts.json.EventJson} writes it. */
    public EventSerde<V> valueSerde() {
        return new EventSerde<>(valueType);
    }

    /** The supply type, or a directory record's id; {@code null} for a clock tick, written to a partition by number. */
    public String keyOf(V value) {
        return value.recordKey();
    }

    /**
     * The topic configs this topic must have, on creation and ever after. Deletion by time and by
     * size are both set, so that no broker-wide default (7 days in Kafka) applies, and the policy is
     * {@code delete} for event topics: compaction by supply type would keep one event per supply
     * type. Directory topics are compacted, which keeps the latest record of every key for ever.
     */
    public Map<String, String> configs(TopicSettings settings) {
        String retentionMs = switch (retention) {
            case FOR_EVER -> "-1";
            case DEAD_LETTERS -> Long.toString(settings.deadLetterRetention().toMillis());
            case CLOCK -> Long.toString(CLOCK_RETENTION.toMillis());
            case LATEST_PER_KEY -> "-1";
            case NOTIFICATIONS -> Long.toString(NOTIFICATION_RETENTION.toMillis());
        };
        return Map.of(
                "cleanup.policy",
                retention == Retention.LATEST_PER_KEY ? "compact" : "delete",
                "retention.ms",
                retentionMs,
                "retention.bytes",
                "-1");
    }
}
