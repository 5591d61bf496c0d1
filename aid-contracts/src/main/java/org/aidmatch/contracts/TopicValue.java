package org.aidmatch.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/**
 * What every value on an AidMatch topic offers its producer: the key it is written under and the
 * time it is stamped with. Events are keyed by supply type; the records of the directory and the
 * catalogue are keyed by what they describe, so compaction keeps the latest of each.
 */
public interface TopicValue {

    /** The record key; {@code null} for a value written to a partition by number (a clock tick). */
    @JsonIgnore
    String recordKey();

    /** When it happened, in UTC; also the Kafka record timestamp. */
    Instant occurredAt();
}
