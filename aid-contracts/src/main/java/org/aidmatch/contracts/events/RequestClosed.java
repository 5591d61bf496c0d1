package org.aidmatch.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * A request takes no further part in matching.
 *
 * @param matchedQuantity the total matched over the request's life
 * @param unmatchedQuantity what was still open when it closed (0 when fulfilled)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RequestClosed(
        String eventId,
        String requestId,
        String organization,
        String supplyType,
        String country,
        CloseReason reason,
        long matchedQuantity,
        long unmatchedQuantity,
        Instant occurredAt,
        int schemaVersion)
        implements MatchEvent {}
