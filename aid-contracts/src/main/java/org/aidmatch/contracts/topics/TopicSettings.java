package org.aidmatch.contracts.topics;

/**
 * How AidMatch topics are created.
 *
 * <p>All topics share one partition count: requests and offers must be co-partitioned so that one
 * matcher task owns both sides of a supply type. The partition count also caps how many matcher
 * instances can share the work.
 */
public record TopicSettings(int partitions, short replicationFactor) {

    public static final TopicSettings DEFAULTS = new TopicSettings(6, (short) 1);

    public TopicSettings {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("replication factor must be at least 1, was " + replicationFactor);
        }
    }
}
