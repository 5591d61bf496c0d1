package org.aidmatch.contracts.commands;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import org.aidmatch.contracts.events.Actor;
import org.aidmatch.contracts.events.MatchEndReason;

/**
 * The donor declines a proposal, or the requester declines a match before dispatch; which one the
 * actor's party says.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeclineMatch(
        String eventId,
        String matchId,
        String supplyType,
        Actor actor,
        MatchEndReason reason,
        String note,
        Instant occurredAt,
        int schemaVersion)
        implements MatchCommand {}
