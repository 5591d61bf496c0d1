package org.aidmatch.matcher.notifications;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.aidmatch.contracts.events.MatchEvent;
import org.aidmatch.contracts.events.MatchMade;
import org.aidmatch.contracts.events.MatchStatus;
import org.aidmatch.contracts.events.MatchStatusChanged;
import org.aidmatch.contracts.notifications.Notification;

/**
 * Which decisions concern whom: every match made (a proposal, or a re-match) and every move of a
 * match (an answer, a lapse, a dispatch, a receipt) concerns its requester and its donor. Refused
 * commands and closed postings are not notified: the caller heard of the first, and the second
 * follows from matches already notified.
 */
final class NotificationKinds {

    /** Every type a notification may have. */
    static final Set<String> TYPES = Set.of(
            "match.proposed",
            "match.rematched",
            "match.accepted",
            "match.declined",
            "match.lapsed",
            "match.cancelled",
            "match.dispatched",
            "match.overdue",
            "match.received");

    private NotificationKinds() {}

    static List<Notification> of(MatchEvent event) {
        String type;
        Set<String> concerned = new LinkedHashSet<>();
        Instant at = event.occurredAt();
        if (event instanceof MatchMade made) {
            boolean rematch = made.reason() != null && made.reason().rematchedAfter() != null;
            boolean accepted = made.status() == MatchStatus.ACCEPTED;
            type = rematch ? "match.rematched" : accepted ? "match.accepted" : "match.proposed";
            concerned.add(made.requesterOrganization());
            concerned.add(made.donorOrganization());
        } else if (event instanceof MatchStatusChanged changed) {
            type = "match." + changed.status().name().toLowerCase(Locale.ROOT);
            concerned.add(changed.requesterOrganization());
            concerned.add(changed.donorOrganization());
        } else {
            return List.of();
        }
        List<Notification> notifications = new ArrayList<>();
        for (String organisation : concerned) {
            if (organisation != null) {
                notifications.add(
                        new Notification(event.eventId() + "/" + organisation, organisation, type, event, at));
            }
        }
        return notifications;
    }
}
