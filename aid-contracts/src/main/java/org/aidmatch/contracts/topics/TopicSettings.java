package org.aidmatch.contracts.topics;

import java.time.Duration;

/**
 * How AidMatch topics are created.
 *
 * <p>All topics share one partition count: requests and offers must be co-partitioned so that one
 * matcher task owns both sides of a supply type. The partition count also caps how many matcher
 * instances can share the work.
 *
 * @param deadLetterRetention how long the dead-letter topics keep what the matcher refused
 */
public record TopicSettings(int partitions, short replicationFactor, Duration deadLetterRetention) {

    public static final Duration DEFAULT_DEAD_LETTER_RETENTION = Duration.ofDays(30);

    public static final TopicSettings DEFAULTS = new TopicSettings(6, (short) 1, DEFAULT_DEAD_LETTER_RETENTION);

    public TopicSettings {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("replication factor must be at least 1, was " + replicationFactor);
        }
        if (deadLetterRetention == null || deadLetterRetention.toMillis() < 1) {
            throw new IllegalArgumentException("dead-letter retention must be positive, was " + deadLetterRetention);
        }
    }
}
