package org.aidmatch.contracts.commands;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import org.aidmatch.contracts.events.Actor;

/** The donor commits to a proposed match. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AcceptMatch(
        String eventId, String matchId, String supplyType, Actor actor, Instant occurredAt, int schemaVersion)
        implements MatchCommand {}
