package org.aidmatch.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * An offer takes no further part in matching.
 *
 * @param matchedQuantity the total matched over the offer's life
 * @param unmatchedQuantity what was still open when it closed (0 when fulfilled)
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
