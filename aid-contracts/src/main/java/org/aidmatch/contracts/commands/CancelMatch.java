package org.aidmatch.contracts.commands;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import org.aidmatch.contracts.events.Actor;
import org.aidmatch.contracts.events.MatchEndReason;

/** The donor cancels an accepted match, or a coordinator cancels one, before dispatch. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CancelMatch(
        String eventId,
        String matchId,
        String supplyType,
        Actor actor,
        MatchEndReason reason,
        String note,
        Instant occurredAt,
        int schemaVersion)
        implements MatchCommand {}
