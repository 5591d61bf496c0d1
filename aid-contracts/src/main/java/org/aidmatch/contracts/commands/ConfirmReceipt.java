package org.aidmatch.contracts.commands;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import org.aidmatch.contracts.events.Actor;

/**
 * The requester received a dispatched match.
 *
 * @param receivedQuantity what arrived in good condition, at most what was shipped
 * @param note damage or shortage, in the requester's words; optional
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConfirmReceipt(
        String eventId,
        String matchId,
        String supplyType,
        Actor actor,
        long receivedQuantity,
        String note,
        Instant occurredAt,
        int schemaVersion)
        implements MatchCommand {}
