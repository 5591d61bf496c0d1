package org.aidmatch.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * The remaining quantity of a request is no longer needed. Matches already made stand.
 *
 * @param organization the owner of the request
 * @param reason {@link CloseReason#CANCELLED}, or {@link CloseReason#SUSPENDED} when a suspension
 *     of its organisation withdrew it; {@code null} (written before reasons were) means CANCELLED
 * @param cancelledBy who cancelled it: the owner, or a coordinator's organisation
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RequestCancelled(
        String eventId,
        String requestId,
        String organization,
        String supplyType,
        String cancelledBy,
        CloseReason reason,
        Instant occurredAt,
        int schemaVersion)
        implements RequestEvent {

    /** The reason, with events written before reasons were read as cancelled. */
    public CloseReason closeReason() {
        return reason == null ? CloseReason.CANCELLED : reason;
    }
}
