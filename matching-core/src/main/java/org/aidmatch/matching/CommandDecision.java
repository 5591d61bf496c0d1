package org.aidmatch.matching;

import java.time.Instant;
import java.util.List;
import org.aidmatch.contracts.commands.AcceptMatch;
import org.aidmatch.contracts.commands.CancelMatch;
import org.aidmatch.contracts.commands.ConfirmReceipt;
import org.aidmatch.contracts.commands.DeclineMatch;
import org.aidmatch.contracts.commands.DispatchMatch;
import org.aidmatch.contracts.commands.MatchCommand;
import org.aidmatch.contracts.events.Actor;
import org.aidmatch.contracts.events.MatchEndReason;
import org.aidmatch.contracts.events.MatchEvent;
import org.aidmatch.contracts.events.MatchStatus;
import org.aidmatch.contracts.events.Party;
import org.aidmatch.matching.Released.Fate;

/** One command against the match it names, decided by rules 10 to 13 of {@link MatchingBook}. */
final class CommandDecision {

    private final AbstractMatchingBook book;
    private final MatchCommand command;
    private final LiveMatch match;
    private final Actor actor;
    private final Instant now;
    private final List<MatchEvent> out;

    CommandDecision(
            AbstractMatchingBook book, MatchCommand command, LiveMatch match, Instant now, List<MatchEvent> out) {
        this.book = book;
        this.command = command;
        this.match = match;
        this.actor = command.actor();
        this.now = now;
        this.out = out;
    }

    void decide() {
        if (match == null) {
            refuse(null, "no match " + command.matchId() + " stands: it is unknown, or it has ended");
            return;
        }
        if (!actsForTheirSide()) {
            refuse(
                    match.status,
                    actor.organization() + " is not the " + actor.party().name().toLowerCase() + " of match "
                            + match.id);
            return;
        }
        if (command instanceof AcceptMatch) {
            accept();
        } else if (command instanceof DeclineMatch decline) {
            decline(decline);
        } else if (command instanceof CancelMatch cancel) {
            cancel(cancel);
        } else if (command instanceof DispatchMatch dispatch) {
            dispatch(dispatch);
        } else if (command instanceof ConfirmReceipt receipt) {
            receive(receipt);
        }
    }

    private void accept() {
        if (requireParty(Party.DONOR, Party.COORDINATOR) && requireStatus(MatchStatus.PROPOSED)) {
            book.accept(match);
            book.move(match, MatchStatus.ACCEPTED, null, now);
            out.add(Decisions.statusChanged(
                    match, MatchStatus.PROPOSED, actor, null, null, Released.NOTHING, 0, command.eventId(), now));
        }
    }

    private void decline(DeclineMatch decline) {
        MatchEndReason reason = decline.reason();
        if (actor.party() == Party.DONOR) {
            if (requireStatus(MatchStatus.PROPOSED)) {
                end(MatchStatus.DECLINED, reason, decline.note(), Fate.RETURNS, donorOfferFate(reason), "declined");
            }
        } else if (requireParty(Party.REQUESTER) && requireStatus(MatchStatus.PROPOSED, MatchStatus.ACCEPTED)) {
            Fate requestFate = reason == MatchEndReason.NO_LONGER_NEEDED ? Fate.CLOSED : Fate.RETURNS;
            end(MatchStatus.DECLINED, reason, decline.note(), requestFate, Fate.RETURNS, "declined");
        }
    }

    private void cancel(CancelMatch cancel) {
        if (actor.party() == Party.COORDINATOR) {
            if (requireStatus(MatchStatus.PROPOSED, MatchStatus.ACCEPTED)) {
                end(MatchStatus.CANCELLED, cancel.reason(), cancel.note(), Fate.RETURNS, Fate.RETURNS, "cancelled");
            }
        } else if (requireParty(Party.DONOR) && requireStatus(MatchStatus.ACCEPTED)) {
            end(
                    MatchStatus.CANCELLED,
                    cancel.reason(),
                    cancel.note(),
                    Fate.RETURNS,
                    donorOfferFate(cancel.reason()),
                    "cancelled");
        }
    }

    private void dispatch(DispatchMatch dispatch) {
        if (!requireParty(Party.DONOR, Party.COORDINATOR) || !requireStatus(MatchStatus.ACCEPTED)) {
            return;
        }
        if (dispatch.quantity() > match.quantity) {
            refuse(
                    match.status,
                    "dispatched " + dispatch.quantity() + ", more than the " + match.quantity + " matched");
            return;
        }
        long unshipped = match.quantity - dispatch.quantity();
        match.shipped = dispatch.quantity();
        match.shipmentReference = dispatch.shipmentReference();
        match.expectedArrival = dispatch.expectedArrival();
        book.takeBack(match);
        match.request.dispatched += match.shipped;
        match.offer.dispatched += match.shipped;
        String after = match.offer.organization + " shipped " + match.shipped + " of " + match.quantity;
        book.release(
                match,
                MatchStatus.ACCEPTED,
                MatchStatus.DISPATCHED,
                actor,
                null,
                null,
                unshipped,
                Fate.RETURNS,
                Fate.CLOSED,
                0,
                command.eventId(),
                after,
                now,
                out);
    }

    private void receive(ConfirmReceipt receipt) {
        if (!requireParty(Party.REQUESTER, Party.COORDINATOR)
                || !requireStatus(MatchStatus.DISPATCHED, MatchStatus.OVERDUE)) {
            return;
        }
        if (receipt.receivedQuantity() > match.shipped) {
            refuse(
                    match.status,
                    "received " + receipt.receivedQuantity() + ", more than the " + match.shipped + " shipped");
            return;
        }
        MatchStatus previous = match.status;
        long shortfall = match.shipped - receipt.receivedQuantity();
        book.deliver(match, receipt.receivedQuantity());
        String after = match.request.organization + " received " + receipt.receivedQuantity() + " in good condition of "
                + match.shipped + " shipped";
        book.release(
                match,
                previous,
                MatchStatus.RECEIVED,
                actor,
                null,
                receipt.note(),
                shortfall,
                Fate.RETURNS,
                Fate.CLOSED,
                receipt.receivedQuantity(),
                command.eventId(),
                after,
                now,
                out);
    }

    private void end(
            MatchStatus status, MatchEndReason reason, String note, Fate requestFate, Fate offerFate, String verb) {
        String who = actor.party() == Party.COORDINATOR
                ? "a coordinator (" + actor.organization() + ")"
                : actor.organization();
        book.end(
                match,
                status,
                actor,
                reason,
                note,
                requestFate,
                offerFate,
                command.eventId(),
                who + " " + verb + ": " + reason,
                now,
                out);
    }

    /** A donor without supply closes its side; any other donor reason returns it. */
    private static Fate donorOfferFate(MatchEndReason reason) {
        return reason == MatchEndReason.NO_SUPPLY ? Fate.CLOSED : Fate.RETURNS;
    }

    /** A donor acts for the match's offer, a requester for its request; a coordinator for either. */
    private boolean actsForTheirSide() {
        return switch (actor.party()) {
            case DONOR -> match.offer.organization.equals(actor.organization());
            case REQUESTER -> match.request.organization.equals(actor.organization());
            case COORDINATOR -> true;
            case MATCHER -> false;
        };
    }

    private boolean requireParty(Party... parties) {
        for (Party party : parties) {
            if (actor.party() == party) {
                return true;
            }
        }
        refuse(match.status, "a " + actor.party().name().toLowerCase() + " may not " + verbOf(command));
        return false;
    }

    private boolean requireStatus(MatchStatus... statuses) {
        for (MatchStatus status : statuses) {
            if (match.status == status) {
                return true;
            }
        }
        refuse(match.status, "match " + match.id + " is " + match.status + ": it cannot be " + pastOf(command));
        return false;
    }

    private void refuse(MatchStatus status, String problem) {
        out.add(Decisions.refused(command, status, problem, now));
    }

    private static String verbOf(MatchCommand command) {
        if (command instanceof AcceptMatch) {
            return "accept a match";
        }
        if (command instanceof DeclineMatch) {
            return "decline a match";
        }
        if (command instanceof CancelMatch) {
            return "cancel a match";
        }
        return command instanceof DispatchMatch ? "dispatch a match" : "confirm receipt of a match";
    }

    private static String pastOf(MatchCommand command) {
        if (command instanceof AcceptMatch) {
            return "accepted";
        }
        if (command instanceof DeclineMatch) {
            return "declined";
        }
        if (command instanceof CancelMatch) {
            return "cancelled";
        }
        return command instanceof DispatchMatch ? "dispatched" : "received";
    }
}
