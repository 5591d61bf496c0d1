package org.aidmatch.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * The matcher did not carry out a command that was well formed but not allowed when it was
 * decided: the match had moved on, or the actor is not a party to it. Nothing changed.
 *
 * @param status the match's status when the command was decided; {@code null} for a match the
 *     book does not hold (unknown, or ended)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CommandRefused(
        String eventId,
        String commandId,
        String matchId,
        String supplyType,
        MatchStatus status,
        String problem,
        Instant occurredAt,
        int schemaVersion)
        implements MatchEvent {}
