package org.aidmatch.service.matches;

import java.time.Instant;
import org.aidmatch.contracts.events.Actor;
import org.aidmatch.contracts.events.MatchEndReason;
import org.aidmatch.contracts.events.MatchStatus;

/**
 * One step in a match's history: who did what, when, and why.
 *
 * @param quantity what the step concerns: matched for the proposal, shipped for a dispatch,
 *     received in good condition for a receipt, and the matched quantity otherwise
 * @param commandId the command that caused it; {@code null} when time or another event did
 */
public record MatchStep(
        Instant at,
        MatchStatus status,
        Actor actor,
        MatchEndReason reason,
        String note,
        long quantity,
        String commandId) {}
