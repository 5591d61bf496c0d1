package org.aidmatch.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * The remaining quantity of an offer is no longer available. Matches already made stand.
 *
 * @param organization the owner of the offer
 * @param withdrawnBy who withdrew it: the owner, or a coordinator's organisation
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OfferWithdrawn(
        String eventId,
        String offerId,
        String organization,
        String supplyType,
        String withdrawnBy,
        Instant occurredAt,
        int schemaVersion)
        implements OfferEvent {}
