package org.aidmatch.matching;

import java.util.function.Predicate;
import org.aidmatch.contracts.commands.CancelMatch;
import org.aidmatch.contracts.commands.ConfirmReceipt;
import org.aidmatch.contracts.commands.DeclineMatch;
import org.aidmatch.contracts.commands.DispatchMatch;
import org.aidmatch.contracts.commands.MatchCommand;
import org.aidmatch.contracts.events.Actor;
import org.aidmatch.contracts.events.AidEvent;
import org.aidmatch.contracts.events.MatchEndReason;
import org.aidmatch.contracts.events.OfferEvent;
import org.aidmatch.contracts.events.OfferPosted;
import org.aidmatch.contracts.events.Party;
import org.aidmatch.contracts.events.RequestEvent;
import org.aidmatch.contracts.events.RequestPosted;
import org.aidmatch.contracts.regions.Regions;

/**
 * What an event must satisfy before the book accepts it. The services check the same on the way
 * in; this check guards the book against anything else that writes to its topics.
 */
public final class IncomingEventCheck {

    private IncomingEventCheck() {}

    public static void check(RequestEvent event, Predicate<String> supplyTypes) {
        common(supplyTypes, event);
        require(event.requestId(), "requestId");
        if (event instanceof RequestPosted posted) {
            require(posted.organization(), "organization");
            positive(posted.quantity());
            if (!Regions.isCountry(posted.country())) {
                throw new RejectedEvent("country is not an ISO 3166-1 alpha-2 code: " + posted.country());
            }
            if (posted.urgency() == null) {
                throw new RejectedEvent("urgency is missing");
            }
        }
    }

    public static void check(OfferEvent event, Predicate<String> supplyTypes) {
        common(supplyTypes, event);
        require(event.offerId(), "offerId");
        if (event instanceof OfferPosted posted) {
            require(posted.organization(), "organization");
            positive(posted.quantity());
            if (posted.serviceArea().isEmpty()) {
                throw new RejectedEvent("service area is empty");
            }
            for (String code : posted.serviceArea()) {
                if (!Regions.isServiceAreaCode(code)) {
                    throw new RejectedEvent("service area code is neither a country nor a UN M49 area: " + code);
                }
            }
        }
    }

    public static void check(MatchCommand command, Predicate<String> supplyTypes) {
        common(supplyTypes, command);
        require(command.matchId(), "matchId");
        Actor actor = command.actor();
        if (actor == null || actor.party() == null) {
            throw new RejectedEvent("actor is missing");
        }
        if (actor.party() == Party.MATCHER) {
            throw new RejectedEvent("only the matcher acts as the matcher");
        }
        require(actor.organization(), "actor organization");
        if (command instanceof DeclineMatch decline) {
            MatchEndReason reason = decline.reason();
            if (reason == null
                    || (actor.party() == Party.DONOR && !reason.donorMayGive())
                    || (actor.party() == Party.REQUESTER && !reason.requesterMayGive())) {
                throw new RejectedEvent("a " + actor.party() + " does not decline for " + reason);
            }
        } else if (command instanceof CancelMatch cancel) {
            MatchEndReason reason = cancel.reason();
            if (reason == null
                    || !(reason.donorMayGive() || reason.requesterMayGive())
                    || (actor.party() == Party.DONOR && !reason.donorMayGive())) {
                throw new RejectedEvent("a " + actor.party() + " does not cancel for " + reason);
            }
        } else if (command instanceof DispatchMatch dispatch) {
            positive(dispatch.quantity());
        } else if (command instanceof ConfirmReceipt receipt && receipt.receivedQuantity() < 0) {
            throw new RejectedEvent("received quantity must not be negative, was " + receipt.receivedQuantity());
        }
    }

    private static void common(Predicate<String> supplyTypes, AidEvent event) {
        if (event == null) {
            throw new RejectedEvent("event is missing");
        }
        require(event.eventId(), "eventId");
        if (event.supplyType() == null || !supplyTypes.test(event.supplyType())) {
            throw new RejectedEvent("unknown supply type: " + event.supplyType());
        }
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new RejectedEvent(field + " is missing");
        }
    }

    private static void positive(long quantity) {
        if (quantity <= 0) {
            throw new RejectedEvent("quantity must be positive, was " + quantity);
        }
    }
}
