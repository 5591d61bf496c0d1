package org.aidmatch.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * Time passed. The matcher writes one into every partition of {@code aid.clock.v1} at a fixed
 * interval, so that deadlines fire from the log, alike on every replay, even when nothing else is
 * posted for a partition's supply types. It belongs to no supply type and carries no key.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClockTicked(String eventId, Instant occurredAt, int schemaVersion) implements AidEvent {

    @Override
    @JsonIgnore
    public String supplyType() {
        return null;
    }
}
