package org.aidmatch.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * The remaining quantity of an offer is no longer available. Matches already made stand.
 *
 * @param organization the owner of the offer
 * @param reason {@link CloseReason#CANCELLED}, or {@link CloseReason#SUSPENDED} when a suspension
 *     of its organisation withdrew it; {@code null} (written before reasons were) means CANCELLED
 * @param withdrawnBy who withdrew it: the owner, or a coordinator's organisation
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OfferWithdrawn(
        String eventId,
        String offerId,
        String organization,
        String supplyType,
        String withdrawnBy,
        CloseReason reason,
        Instant occurredAt,
        int schemaVersion)
        implements OfferEvent {

    /** The reason, with events written before reasons were read as cancelled. */
    public CloseReason closeReason() {
        return reason == null ? CloseReason.CANCELLED : reason;
    }
}
