package org.aidmatch.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * An offer takes no further part in matching: it was cancelled (withdrawn) or expired, or nothing
 * of it is open or in flight any more (FULFILLED).
 *
 * @param matchedQuantity what is delivered, or still in matches that stand, at closing
 * @param unmatchedQuantity what will never be served through this offer: its open quantity at
 *     closing and every part closed on its side before; the two add up to the offer's quantity
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OfferClosed(
        String eventId,
        String offerId,
        String organization,
        String supplyType,
        CloseReason reason,
        long matchedQuantity,
        long unmatchedQuantity,
        Instant occurredAt,
        int schemaVersion)
        implements MatchEvent {}
