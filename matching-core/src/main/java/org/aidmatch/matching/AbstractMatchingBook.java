package org.aidmatch.matching;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import org.aidmatch.contracts.events.CloseReason;
import org.aidmatch.contracts.events.MatchEvent;
import org.aidmatch.contracts.events.MatchReason.Trigger;
import org.aidmatch.contracts.events.OfferEvent;
import org.aidmatch.contracts.events.OfferPosted;
import org.aidmatch.contracts.events.OfferWithdrawn;
import org.aidmatch.contracts.events.RequestCancelled;
import org.aidmatch.contracts.events.RequestEvent;
import org.aidmatch.contracts.events.RequestPosted;

/**
 * The flow every book follows: check, expire, ignore duplicates, fill, close. Subclasses decide only
 * how open items are kept and found, which is where a fast book and an obvious one differ.
 */
abstract class AbstractMatchingBook implements MatchingBook {

    /** A closed id, as duplicate detection keeps it until the horizon has passed. */
    private record Closed(Side side, String id, CloseReason reason, Instant at) {}

    private final Duration closedIdHorizon;
    private final Map<String, Closed> closedRequests = new HashMap<>();
    private final Map<String, Closed> closedOffers = new HashMap<>();
    /** Closed ids by closing time, the next to forget first; an id closed again leaves a stale entry. */
    private final PriorityQueue<Closed> byClosingTime = new PriorityQueue<>(Comparator.comparing(Closed::at));
    /** Restored closed ids that were stored without a closing time: they count from the first call. */
    private final List<Closed> undated = new ArrayList<>();

    private final List<BookEntry> forgotten = new ArrayList<>();
    private long nextSequence = 1;

    protected AbstractMatchingBook(Duration closedIdHorizon) {
        if (closedIdHorizon == null || closedIdHorizon.isNegative() || closedIdHorizon.isZero()) {
            throw new IllegalArgumentException("the closed-id horizon must be positive, was " + closedIdHorizon);
        }
        this.closedIdHorizon = closedIdHorizon;
    }

    /** Adds an item that just arrived or was restored. */
    protected abstract void add(OpenItem item);

    /** Removes an item that closed. */
    protected abstract void remove(OpenItem item);

    protected abstract OpenItem findOpen(Side side, String id);

    /** The best compatible open request for an arriving offer (rule 2), or null. */
    protected abstract OpenItem bestRequestFor(OpenItem offer);

    /** The best compatible open offer for an arriving request (rule 3), or null. */
    protected abstract OpenItem bestOfferFor(OpenItem request);

    /** Open items whose last day is before {@code today}, by last day, then arrival. */
    protected abstract List<OpenItem> expiredBefore(LocalDate today);

    protected abstract List<OpenItem> openInArrivalOrder();

    @Override
    public List<MatchEvent> apply(RequestEvent event, Instant now) {
        IncomingEventCheck.check(event);
        List<MatchEvent> out = expire(now);
        if (event instanceof RequestPosted posted) {
            if (!isKnown(Side.REQUEST, posted.requestId())) {
                arrive(OpenItem.of(posted, nextSequence++), now, out);
            }
        } else if (event instanceof RequestCancelled cancelled) {
            close(findOpen(Side.REQUEST, cancelled.requestId()), now, out);
        }
        return out;
    }

    @Override
    public List<MatchEvent> apply(OfferEvent event, Instant now) {
        IncomingEventCheck.check(event);
        List<MatchEvent> out = expire(now);
        if (event instanceof OfferPosted posted) {
            if (!isKnown(Side.OFFER, posted.offerId())) {
                arrive(OpenItem.of(posted, nextSequence++), now, out);
            }
        } else if (event instanceof OfferWithdrawn withdrawn) {
            close(findOpen(Side.OFFER, withdrawn.offerId()), now, out);
        }
        return out;
    }

    @Override
    public List<MatchEvent> expire(Instant now) {
        forgetClosedBefore(now.minus(closedIdHorizon));
        List<OpenItem> expired = expiredBefore(LocalDate.ofInstant(now, ZoneOffset.UTC));
        if (expired.isEmpty()) {
            return new ArrayList<>(4);
        }
        List<MatchEvent> out = new ArrayList<>(expired.size());
        for (OpenItem item : expired) {
            finish(item, CloseReason.EXPIRED, now, out);
        }
        return out;
    }

    @Override
    public Optional<BookEntry> entry(Side side, String id) {
        OpenItem open = findOpen(side, id);
        if (open != null) {
            return Optional.of(open.snapshot());
        }
        Closed closed = closed(side).get(id);
        return closed == null ? Optional.empty() : Optional.of(closedMarker(closed));
    }

    @Override
    public List<BookEntry> takeForgotten() {
        List<BookEntry> taken = List.copyOf(forgotten);
        forgotten.clear();
        return taken;
    }

    @Override
    public void restore(BookEntry entry) {
        if (entry.isOpen()) {
            add(OpenItem.of(entry));
            nextSequence = Math.max(nextSequence, entry.sequence() + 1);
        } else if (entry.closedAt() == null) {
            Closed closed = new Closed(entry.side(), entry.id(), entry.closedAs(), null);
            closed(entry.side()).put(entry.id(), closed);
            undated.add(closed);
        } else {
            remember(new Closed(entry.side(), entry.id(), entry.closedAs(), entry.closedAt()));
        }
    }

    @Override
    public List<BookEntry> openEntries() {
        return openInArrivalOrder().stream().map(OpenItem::snapshot).toList();
    }

    /** A closed entry keeps only what duplicate detection needs. */
    private static BookEntry closedMarker(Closed closed) {
        return new BookEntry(
                closed.side(),
                closed.id(),
                null,
                null,
                0,
                0,
                null,
                List.of(),
                null,
                null,
                0,
                null,
                closed.reason(),
                closed.at());
    }

    /** Rule 7: ids closed before the cutoff are forgotten, and handed to {@link #takeForgotten}. */
    private void forgetClosedBefore(Instant cutoff) {
        if (!undated.isEmpty()) {
            Instant now = cutoff.plus(closedIdHorizon);
            for (Closed closed : undated) {
                remember(new Closed(closed.side(), closed.id(), closed.reason(), now));
            }
            undated.clear();
        }
        while (!byClosingTime.isEmpty() && byClosingTime.peek().at().isBefore(cutoff)) {
            Closed oldest = byClosingTime.poll();
            if (oldest.equals(closed(oldest.side()).get(oldest.id()))) {
                closed(oldest.side()).remove(oldest.id());
                forgotten.add(closedMarker(oldest));
            }
        }
    }

    private void remember(Closed closed) {
        closed(closed.side()).put(closed.id(), closed);
        byClosingTime.add(closed);
    }

    private boolean isKnown(Side side, String id) {
        return findOpen(side, id) != null || closed(side).containsKey(id);
    }

    private Map<String, Closed> closed(Side side) {
        return side == Side.REQUEST ? closedRequests : closedOffers;
    }

    private void arrive(OpenItem item, Instant now, List<MatchEvent> out) {
        if (item.isExpiredOn(LocalDate.ofInstant(now, ZoneOffset.UTC))) {
            remember(new Closed(item.side, item.id, CloseReason.EXPIRED, now));
            out.add(Decisions.closed(item, CloseReason.EXPIRED, now));
            return;
        }
        add(item);
        Trigger trigger = item.side == Side.OFFER ? Trigger.OFFER_ARRIVED : Trigger.REQUEST_ARRIVED;
        while (item.remaining > 0) {
            OpenItem other = item.side == Side.OFFER ? bestRequestFor(item) : bestOfferFor(item);
            if (other == null) {
                break;
            }
            OpenItem request = item.side == Side.REQUEST ? item : other;
            OpenItem offer = item.side == Side.OFFER ? item : other;
            long quantity = Math.min(request.remaining, offer.remaining);
            request.remaining -= quantity;
            offer.remaining -= quantity;
            out.add(Decisions.matchMade(request, offer, quantity, trigger, now));
            if (other.remaining == 0) {
                finish(other, CloseReason.FULFILLED, now, out);
            }
        }
        if (item.remaining == 0) {
            finish(item, CloseReason.FULFILLED, now, out);
        }
    }

    private void close(OpenItem item, Instant now, List<MatchEvent> out) {
        if (item != null) {
            finish(item, CloseReason.CANCELLED, now, out);
        }
    }

    private void finish(OpenItem item, CloseReason reason, Instant now, List<MatchEvent> out) {
        remove(item);
        remember(new Closed(item.side, item.id, reason, now));
        out.add(Decisions.closed(item, reason, now));
    }
}
