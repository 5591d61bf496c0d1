package org.aidmatch.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * A request takes no further part in matching: it was cancelled or expired, or nothing
 * of it is open or in flight any more (FULFILLED).
 *
 * @param matchedQuantity what is delivered, or still in matches that stand, at closing
 * @param unmatchedQuantity what will never be served through this request: its open quantity at
 *     closing and every part closed on its side before; the two add up to the request's quantity
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
