package org.aidmatch.matcher.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.aidmatch.contracts.events.AidEvent;
import org.aidmatch.contracts.events.CloseReason;
import org.aidmatch.contracts.events.OfferWithdrawn;
import org.aidmatch.contracts.events.RequestCancelled;
import org.aidmatch.contracts.topics.Topics;
import org.aidmatch.matcher.view.CoordinatorView;
import org.aidmatch.matcher.view.CoordinatorView.OpenPosting;
import org.aidmatch.service.kafka.EventPublisher;
import org.springframework.stereotype.Component;

/**
 * Withdraws what a suspended organisation has open, as the matcher's view knows it, with reason
 * SUSPENDED: the matcher closes each and matches again what their proposals held. A posting accepted
 * in the moments before the suspension reached its service may not be in the view yet; suspending
 * again withdraws it.
 */
@Component
class Suspensions {

    private static final int VERSION = AidEvent.CURRENT_SCHEMA_VERSION;

    private final CoordinatorView view;
    private final EventPublisher publisher;

    Suspensions(CoordinatorView view, EventPublisher publisher) {
        this.view = view;
        this.publisher = publisher;
    }

    record Withdrawn(int requests, int offers) {}

    /** Writes a withdrawal of each open posting, all of a side together, and returns once Kafka has them. */
    Withdrawn withdrawAll(String organisation, String by) {
        List<RequestCancelled> requests = new ArrayList<>();
        List<OfferWithdrawn> offers = new ArrayList<>();
        Instant now = Instant.now();
        for (OpenPosting posting : view.openPostingsOf(organisation)) {
            String eventId = UUID.randomUUID().toString();
            if (posting.request()) {
                requests.add(new RequestCancelled(
                        eventId,
                        posting.id(),
                        organisation,
                        posting.supplyType(),
                        by,
                        CloseReason.SUSPENDED,
                        now,
                        VERSION));
            } else {
                offers.add(new OfferWithdrawn(
                        eventId,
                        posting.id(),
                        organisation,
                        posting.supplyType(),
                        by,
                        CloseReason.SUSPENDED,
                        now,
                        VERSION));
            }
        }
        publisher.publishAll(Topics.REQUESTS, requests);
        publisher.publishAll(Topics.OFFERS, offers);
        return new Withdrawn(requests.size(), offers.size());
    }
}
