package org.aidmatch.contracts.commands;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.aidmatch.contracts.events.Actor;
import org.aidmatch.contracts.events.AidEvent;

/**
 * An event on {@code aid.match-commands.v1}: what a party asked to do with a match.
 *
 * <p>Unlike the other events, these are named for what was asked, not for what happened: the
 * matcher decides each one inside its exactly-once transaction, against the match as it stands
 * then, and writes what came of it to {@code aid.matches.v1}, as a {@code MatchStatusChanged} or a
 * {@code CommandRefused} that names this command's event id.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = AcceptMatch.class, name = "AcceptMatch"),
    @JsonSubTypes.Type(value = DeclineMatch.class, name = "DeclineMatch"),
    @JsonSubTypes.Type(value = CancelMatch.class, name = "CancelMatch"),
    @JsonSubTypes.Type(value = DispatchMatch.class, name = "DispatchMatch"),
    @JsonSubTypes.Type(value = ConfirmReceipt.class, name = "ConfirmReceipt")
})
@JsonIgnoreProperties(ignoreUnknown = true)
public sealed interface MatchCommand extends AidEvent
        permits AcceptMatch, DeclineMatch, CancelMatch, DispatchMatch, ConfirmReceipt {

    String matchId();

    /** Who asked, and as which party; the edge takes it from the caller's identity. */
    Actor actor();
}
