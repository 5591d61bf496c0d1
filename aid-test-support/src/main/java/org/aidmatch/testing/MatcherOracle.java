package org.aidmatch.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.aidmatch.contracts.commands.MatchCommand;
import org.aidmatch.contracts.events.AidEvent;
import org.aidmatch.contracts.events.CommandRefused;
import org.aidmatch.contracts.events.MatchEvent;
import org.aidmatch.contracts.events.MatchMade;
import org.aidmatch.contracts.events.MatchStatusChanged;
import org.aidmatch.contracts.events.OfferClosed;
import org.aidmatch.contracts.events.OfferEvent;
import org.aidmatch.contracts.events.RequestClosed;
import org.aidmatch.contracts.events.RequestEvent;
import org.aidmatch.matching.IndexedMatchingBook;
import org.aidmatch.matching.MatchingBook;

/** What the matcher should decide on an input, for tests that compare a real run against it. */
public final class MatcherOracle {

    private MatcherOracle() {}

    /**
     * The decisions of one uninterrupted book over the input, in order, each at its event's time.
     * Supply types never interact, so this equals what per-partition books decide, as long as the
     * input carries no dates that expire and no deadline passes within it.
     */
    public static List<MatchEvent> decide(List<? extends AidEvent> input) {
        MatchingBook book = new IndexedMatchingBook();
        List<MatchEvent> out = new ArrayList<>();
        for (AidEvent event : input) {
            out.addAll(apply(book, event));
        }
        return out;
    }

    /** One posting or command applied at its own time. */
    public static List<MatchEvent> apply(MatchingBook book, AidEvent event) {
        if (event instanceof RequestEvent request) {
            return book.apply(request, request.occurredAt());
        }
        if (event instanceof MatchCommand command) {
            return book.apply(command, command.occurredAt());
        }
        return book.apply((OfferEvent) event, event.occurredAt());
    }

    /** The decisions about requests and offers whose ids end with {@code suffix}: one test run's own. */
    public static List<MatchEvent> ofRun(List<MatchEvent> events, String suffix) {
        Predicate<MatchEvent> ours = event -> {
            if (event instanceof MatchMade match) {
                return match.requestId().endsWith(suffix);
            }
            if (event instanceof MatchStatusChanged change) {
                return change.requestId().endsWith(suffix);
            }
            if (event instanceof CommandRefused refused) {
                return refused.commandId().endsWith(suffix);
            }
            return event instanceof RequestClosed request
                    ? request.requestId().endsWith(suffix)
                    : event instanceof OfferClosed offer && offer.offerId().endsWith(suffix);
        };
        return events.stream().filter(ours).toList();
    }

    /** Decisions in event-id order, to compare runs whose partitions interleave differently. */
    public static List<MatchEvent> byId(List<MatchEvent> events) {
        return events.stream().sorted(Comparator.comparing(AidEvent::eventId)).toList();
    }
}
