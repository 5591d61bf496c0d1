package org.aidmatch.offer.view;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.aidmatch.contracts.events.AidEvent;
import org.aidmatch.contracts.events.CloseReason;
import org.aidmatch.contracts.events.MatchMade;
import org.aidmatch.contracts.events.OfferClosed;
import org.aidmatch.contracts.events.OfferPosted;
import org.aidmatch.contracts.events.OfferWithdrawn;

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
        private final Map<String, OfferMatch> matches = new LinkedHashMap<>();
        private boolean withdrawRequested;
        private CloseReason closedAs;
        private Instant updatedAt;

        synchronized void posted(OfferPosted event) {
            if (posted == null) {
                posted = event;
                touch(event.occurredAt());
            }
        }

        synchronized void withdrawn(OfferWithdrawn event) {
            withdrawRequested = true;
            touch(event.occurredAt());
        }

        synchronized void matched(MatchMade match) {
            if (matches.putIfAbsent(
                            match.matchId(),
                            new OfferMatch(
                                    match.matchId(),
                                    match.requestId(),
                                    match.requesterOrganization(),
                                    match.country(),
                                    match.quantity(),
                                    match.matchedArea(),
                                    match.occurredAt()))
                    == null) {
                touch(match.occurredAt());
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
            long matched =
                    matches.values().stream().mapToLong(OfferMatch::quantity).sum();
            OfferStatus status = status(matched);
            long remaining = status == OfferStatus.OPEN || status == OfferStatus.PARTIALLY_MATCHED
                    ? posted.quantity() - matched
                    : 0;
            return Optional.of(new OfferState(
                    posted.offerId(),
                    posted.organization(),
                    posted.supplyType(),
                    posted.quantity(),
                    posted.serviceArea(),
                    posted.availableUntil(),
                    posted.note(),
                    status,
                    matched,
                    remaining,
                    new ArrayList<>(matches.values()),
                    posted.occurredAt(),
                    updatedAt));
        }

        private OfferStatus status(long matched) {
            if (closedAs == CloseReason.FULFILLED || matched >= posted.quantity()) {
                return OfferStatus.MATCHED;
            }
            if (closedAs == CloseReason.EXPIRED) {
                return OfferStatus.EXPIRED;
            }
            if (closedAs == CloseReason.CANCELLED || withdrawRequested) {
                return OfferStatus.WITHDRAWN;
            }
            return matched > 0 ? OfferStatus.PARTIALLY_MATCHED : OfferStatus.OPEN;
        }

        private void touch(Instant time) {
            if (updatedAt == null || time.isAfter(updatedAt)) {
                updatedAt = time;
            }
        }
    }
}
