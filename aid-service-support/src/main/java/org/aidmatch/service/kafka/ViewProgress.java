package org.aidmatch.service.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How far a view has read its topics, and waiting for it to get somewhere. The view counts as
 * loaded once it has read up to where the topics ended when following began.
 */
final class ViewProgress {

    private static final Logger log = LoggerFactory.getLogger(ViewProgress.class);

    private final Set<String> topics;
    /** The next offset to read, per partition; guards itself and is waited on. */
    private final Map<TopicPartition, Long> positions = new HashMap<>();
    /** The committed ends of the topics when following began; empty until known. */
    private Map<TopicPartition, Long> endsAtStart = Map.of();

    private volatile boolean loaded;

    ViewProgress(Set<String> topics) {
        this.topics = Set.copyOf(topics);
    }

    /** Notes where the topics end, the first time following begins; later beginnings keep it. */
    void beginning(Supplier<Map<TopicPartition, Long>> ends) {
        synchronized (positions) {
            if (endsAtStart.isEmpty()) {
                endsAtStart = Map.copyOf(ends.get());
            }
        }
    }

    /** The view has read up to (not including) these offsets. */
    void advancedTo(Map<TopicPartition, Long> nextOffsets) {
        synchronized (positions) {
            positions.putAll(nextOffsets);
            if (!loaded && reached(endsAtStart)) {
                loaded = true;
                log.info("View of {} loaded", topics);
            }
            positions.notifyAll();
        }
    }

    boolean isLoaded() {
        return loaded;
    }

    /**
     * Waits until the view is loaded and has applied every record up to and including the given
     * offsets (those of other topics are ignored), or the timeout passes. Returns whether it caught up.
     */
    boolean awaitCaughtUp(Map<TopicPartition, Long> offsets, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        synchronized (positions) {
            while (!loaded || !caughtUp(offsets)) {
                long left = Duration.between(Instant.now(), deadline).toMillis();
                if (left <= 0) {
                    return false;
                }
                try {
                    positions.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    /** Whether every position is at or past the given end offsets (an end offset is the next to write). */
    private boolean reached(Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (positions.getOrDefault(end.getKey(), 0L) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    private boolean caughtUp(Map<TopicPartition, Long> offsets) {
        for (Map.Entry<TopicPartition, Long> entry : offsets.entrySet()) {
            if (topics.contains(entry.getKey().topic())
                    && positions.getOrDefault(entry.getKey(), 0L) <= entry.getValue()) {
                return false;
            }
        }
        return true;
    }
}
