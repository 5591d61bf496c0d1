package org.aidmatch.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import org.aidmatch.contracts.TopicValue;

/**
 * What every AidMatch event carries, whichever topic it travels on.
 *
 * <p>Events are immutable facts named in the past tense. {@link #eventId()} is unique per fact, so
 * consumers can drop a redelivered one; {@link #supplyType()} is the record key on every topic,
 * which keeps all events of one supply type in one partition and in order.
 */
public interface AidEvent extends TopicValue {

    /** The version of the event schema written by today's producers. */
    int CURRENT_SCHEMA_VERSION = 1;

    String eventId();

    String supplyType();

    /** When the fact happened, in UTC. Producers also use it as the Kafka record timestamp. */
    @Override
    Instant occurredAt();

    /** Every event is keyed by its supply type. */
    @Override
    @JsonIgnore
    default String recordKey() {
        return supplyType();
    }

    int schemaVersion();
}
