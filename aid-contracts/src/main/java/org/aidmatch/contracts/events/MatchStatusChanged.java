package org.aidmatch.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A match moved on: accepted, declined, lapsed, cancelled, dispatched, overdue or received.
 *
 * <p>When the move released quantity, the four released fields say where it went on each side:
 * back to the open quantity (to be matched again at once) or closed for good. The open fields are
 * each side's open quantity right after the release, before any re-matching.
 *
 * @param commandId the event id of the command that caused this, {@code null} when time or
 *     another event did
 * @param shippedQuantity what the donor shipped; 0 before dispatch
 * @param receivedQuantity what arrived in good condition; 0 before receipt
 * @param deadline when the next step is due: the confirmation deadline of a dispatched match;
 *     {@code null} otherwise
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MatchStatusChanged(
        String eventId,
        String matchId,
        String requestId,
        String offerId,
        String requesterOrganization,
        String donorOrganization,
        String supplyType,
        String country,
        MatchStatus previousStatus,
        MatchStatus status,
        Actor actor,
        MatchEndReason reason,
        String note,
        long quantity,
        long shippedQuantity,
        long receivedQuantity,
        String shipmentReference,
        LocalDate expectedArrival,
        Instant deadline,
        long requestReturned,
        long requestClosed,
        long offerReturned,
        long offerClosed,
        long requestOpen,
        long offerOpen,
        String commandId,
        Instant occurredAt,
        int schemaVersion)
        implements MatchEvent {}
