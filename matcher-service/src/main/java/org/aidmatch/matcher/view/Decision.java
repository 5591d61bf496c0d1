package org.aidmatch.matcher.view;

import org.aidmatch.contracts.events.MatchEvent;
import org.aidmatch.contracts.events.MatchMade;
import org.aidmatch.contracts.events.MatchStatusChanged;
import org.aidmatch.contracts.events.OfferClosed;
import org.aidmatch.contracts.events.RequestClosed;

/** One decision of the matcher as a coordinator follows it, with its place in the stream. */
public record Decision(MatchEvent event, int partition, long offset, StreamPosition positionAfter) {

    /**
     * Whether an organisation took part: as requester or donor of a match or of its move, or owner
     * of what closed. A refused command concerns coordinators only; its party got the refusal as
     * its answer.
     */
    public boolean involves(String organization) {
        if (event instanceof MatchMade match) {
            return organization.equals(match.requesterOrganization()) || organization.equals(match.donorOrganization());
        }
        if (event instanceof MatchStatusChanged change) {
            return organization.equals(change.requesterOrganization())
                    || organization.equals(change.donorOrganization());
        }
        if (event instanceof RequestClosed closed) {
            return organization.equals(closed.organization());
        }
        return event instanceof OfferClosed closed && organization.equals(closed.organization());
    }
}
