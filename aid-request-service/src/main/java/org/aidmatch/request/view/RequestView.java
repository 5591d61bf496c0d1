package org.aidmatch.request.view;

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
import org.aidmatch.contracts.events.RequestCancelled;
import org.aidmatch.contracts.events.RequestClosed;
import org.aidmatch.contracts.events.RequestPosted;
import org.aidmatch.service.matches.PostingMatches;

/**
 * Every request and its fate, folded from {@code aid.requests.v1} and {@code aid.matches.v1}.
 *
 * <p>The two topics are read independently, so a match may be seen before the posting it refers to;
 * such facts wait in the entry until the posting arrives. A redelivered event changes nothing.
 */
public final class RequestView {

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /** Applies one event from either topic; events of other kinds are ignored. */
    public void apply(AidEvent event) {
        if (event instanceof RequestPosted posted) {
            entry(posted.requestId()).posted(posted);
        } else if (event instanceof RequestCancelled cancelled) {
            entry(cancelled.requestId()).cancelled(cancelled);
        } else if (event instanceof MatchMade match) {
            entry(match.requestId()).matched(match);
        } else if (event instanceof MatchStatusChanged change) {
            entry(change.requestId()).matched(change);
        } else if (event instanceof RequestClosed closed) {
            entry(closed.requestId()).closed(closed);
        }
    }

    public Optional<RequestState> find(String id) {
        Entry entry = entries.get(id);
        return entry == null ? Optional.empty() : entry.state();
    }

    /** The state of a request just posted, before the view has read it back. */
    public static RequestState stateOf(RequestPosted posted) {
        Entry entry = new Entry();
        entry.posted(posted);
        return entry.state().orElseThrow();
    }

    public List<RequestState> all() {
        return entries.values().stream()
                .map(Entry::state)
                .flatMap(Optional::stream)
                .toList();
    }

    private Entry entry(String id) {
        return entries.computeIfAbsent(id, key -> new Entry());
    }

    private static final class Entry {
        private RequestPosted posted;
        private final PostingMatches matches = new PostingMatches(PostingMatches.Side.REQUEST);
        /** Why its owner, a coordinator or a suspension closed it, before the matcher's closing is read. */
        private CloseReason cancelRequested;

        private CloseReason closedAs;
        private Instant updatedAt;

        synchronized void posted(RequestPosted event) {
            if (posted == null) {
                posted = event;
                touch(event.occurredAt());
            }
        }

        synchronized void cancelled(RequestCancelled event) {
            if (cancelRequested == null) {
                cancelRequested = event.closeReason();
            }
            touch(event.occurredAt());
        }

        synchronized void matched(MatchEvent event) {
            if (matches.apply(event) != null) {
                touch(event.occurredAt());
            }
        }

        synchronized void closed(RequestClosed event) {
            closedAs = event.reason();
            touch(event.occurredAt());
        }

        synchronized Optional<RequestState> state() {
            if (posted == null) {
                return Optional.empty();
            }
            long open = closedAs == null ? matches.open(posted.quantity()) : 0;
            long inMatches = matches.matched();
            RequestStatus status = status(open, inMatches);
            long proposed = matches.proposed();
            long committed = matches.committed();
            long dispatched = matches.dispatched();
            long delivered = matches.delivered();
            return Optional.of(new RequestState(
                    posted.requestId(),
                    posted.organization(),
                    posted.supplyType(),
                    posted.quantity(),
                    posted.country(),
                    posted.urgency(),
                    posted.neededBy(),
                    posted.note(),
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

        private RequestStatus status(long open, long inMatches) {
            if (closedAs == CloseReason.FULFILLED) {
                return RequestStatus.COMPLETED;
            }
            if (closedAs == CloseReason.EXPIRED) {
                return RequestStatus.EXPIRED;
            }
            if (closedAs == CloseReason.SUSPENDED || (closedAs == null && cancelRequested == CloseReason.SUSPENDED)) {
                return RequestStatus.SUSPENDED;
            }
            if (closedAs == CloseReason.CANCELLED || cancelRequested != null) {
                return RequestStatus.CANCELLED;
            }
            if (inMatches == 0) {
                return RequestStatus.OPEN;
            }
            return open > 0 ? RequestStatus.PARTIALLY_MATCHED : RequestStatus.MATCHED;
        }

        private void touch(Instant time) {
            if (updatedAt == null || time.isAfter(updatedAt)) {
                updatedAt = time;
            }
        }
    }
}
