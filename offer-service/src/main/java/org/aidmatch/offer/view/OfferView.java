package org.aidmatch.offer.view;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.aidmatch.contracts.events.AidEvent;
import org.aidmatch.contracts.events.CloseReason;
import org.aidmatch.contracts.events.MatchEvent;
import org.aidmatch.contracts.events.MatchMade;
import org.aidmatch.contracts.events.MatchStatusChanged;
import org.aidmatch.contracts.events.OfferClosed;
import org.aidmatch.contracts.events.OfferPosted;
import org.aidmatch.contracts.events.OfferWithdrawn;
import org.aidmatch.service.matches.PostingMatches;

/**
 * Every offer and its fate, folded from {@code aid.offers.v1} and {@code aid.matches.v1}.
 *
 * <p>The two topics are read independently, so a match may be seen before the posting it refers to;
 * such facts wait in the entry until the posting arrives. A redelivered event changes nothing.
 */
public final class OfferView {

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /** Applies one event from either topic; events of other kinds are ignored. */
    public void apply(AidEvent event) {
        if (event instanceof OfferPosted posted) {
            entry(posted.offerId()).posted(posted);
        } else if (event instanceof OfferWithdrawn withdrawn) {
            entry(withdrawn.offerId()).withdrawn(withdrawn);
        } else if (event instanceof MatchMade match) {
            entry(match.offerId()).matched(match);
        } else if (event instanceof MatchStatusChanged change) {
            entry(change.offerId()).matched(change);
        } else if (event instanceof OfferClosed closed) {
            entry(closed.offerId()).closed(closed);
        }
    }

    public Optional<OfferState> find(String id) {
        Entry entry = entries.get(id);
        return entry == null ? Optional.empty() : entry.state();
    }

    /** The state of an offer just posted, before the view has read it back. */
    public static OfferState stateOf(OfferPosted posted) {
        Entry entry = new Entry();
        entry.posted(posted);
        return entry.state().orElseThrow();
    }

    public List<OfferState> all() {
        return entries.values().stream()
                .map(Entry::state)
                .flatMap(Optional::stream)
                .toList();
    }

    private Entry entry(String id) {
        return entries.computeIfAbsent(id, key -> new Entry());
    }

    private static final class Entry {
        private OfferPosted posted;
        private final PostingMatches matches = new PostingMatches(PostingMatches.Side.OFFER);
        /** Why its owner, a coordinator or a suspension closed it, before the matcher's closing is read. */
        private CloseReason withdrawRequested;

        private CloseReason closedAs;
        private Instant updatedAt;

        synchronized void posted(OfferPosted event) {
            if (posted == null) {
                posted = event;
                touch(event.occurredAt());
            }
        }

        synchronized void withdrawn(OfferWithdrawn event) {
            if (withdrawRequested == null) {
                withdrawRequested = event.closeReason();
            }
            touch(event.occurredAt());
        }

        synchronized void matched(MatchEvent event) {
            if (matches.apply(event) != null) {
                touch(event.occurredAt());
            }
        }

        synchronized void closed(OfferClosed event) {
            closedAs = event.reason();
            touch(event.occurredAt());
        }

        synchronized Optional<OfferState> state() {
            if (posted == null) {
                return Optional.empty();
            }
            long open = closedAs == null ? matches.open(posted.quantity()) : 0;
            long inMatches = matches.matched();
            OfferStatus status = status(open, inMatches);
            long proposed = matches.proposed();
            long committed = matches.committed();
            long dispatched = matches.dispatched();
            long delivered = matches.delivered();
            return Optional.of(new OfferState(
                    posted.offerId(),
                    posted.organization(),
                    posted.supplyType(),
                    posted.quantity(),
                    posted.serviceArea(),
                    posted.availableUntil(),
                    posted.note(),
                    posted.autoAccept(),
                    status,
                    inMatches,
                    open,
                    proposed,
                    committed,
                    dispatched,
                    delivered,
                    Math.max(0, posted.quantity() - open - inMatches),
                    matches.details(),
                    posted.occurredAt(),
                    updatedAt));
        }

        private OfferStatus status(long open, long inMatches) {
            if (closedAs == CloseReason.FULFILLED) {
                return OfferStatus.COMPLETED;
            }
            if (closedAs == CloseReason.EXPIRED) {
                return OfferStatus.EXPIRED;
            }
            if (closedAs == CloseReason.SUSPENDED || (closedAs == null && withdrawRequested == CloseReason.SUSPENDED)) {
                return OfferStatus.SUSPENDED;
            }
            if (closedAs == CloseReason.CANCELLED || withdrawRequested != null) {
                return OfferStatus.WITHDRAWN;
            }
            if (inMatches == 0) {
                return OfferStatus.OPEN;
            }
            return open > 0 ? OfferStatus.PARTIALLY_MATCHED : OfferStatus.MATCHED;
        }

        private void touch(Instant time) {
            if (updatedAt == null || time.isAfter(updatedAt)) {
                updatedAt = time;
            }
        }
    }
}
