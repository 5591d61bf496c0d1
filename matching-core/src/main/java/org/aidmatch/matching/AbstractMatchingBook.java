package org.aidmatch.matching;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;
import org.aidmatch.contracts.commands.MatchCommand;
import org.aidmatch.contracts.events.Actor;
import org.aidmatch.contracts.events.CloseReason;
import org.aidmatch.contracts.events.MatchEndReason;
import org.aidmatch.contracts.events.MatchEvent;
import org.aidmatch.contracts.events.MatchReason.Trigger;
import org.aidmatch.contracts.events.MatchStatus;
import org.aidmatch.contracts.events.OfferEvent;
import org.aidmatch.contracts.events.OfferPosted;
import org.aidmatch.contracts.events.OfferWithdrawn;
import org.aidmatch.contracts.events.RequestCancelled;
import org.aidmatch.contracts.events.RequestEvent;
import org.aidmatch.contracts.events.RequestPosted;
import org.aidmatch.matching.Released.Fate;

/**
 * The flow every book follows: check, let time pass, ignore duplicates, fill, carry matches through
 * their lifecycle, release and re-match, close. Subclasses decide only how matchable postings are
 * indexed and found, which is where a fast book and an obvious one differ.
 */
abstract class AbstractMatchingBook implements MatchingBook {

    /** A closed id, as duplicate detection keeps it until the horizon has passed. */
    private record Closed(Side side, String id, CloseReason reason, Instant at) {}

    private static final Comparator<Posting> EXPIRY_ORDER =
            Comparator.<Posting, LocalDate>comparing(item -> item.lastDay).thenComparingLong(item -> item.sequence);

    private static final Comparator<LiveMatch> MADE_ORDER =
            Comparator.<LiveMatch, Instant>comparing(match -> match.madeAt).thenComparing(match -> match.id);

    /** Change lists up to this long are cleared after a take; longer, and they are made anew. */
    private static final int SMALL = 1_024;

    private final BookSettings settings;
    private final Map<String, Posting> requests = new HashMap<>();
    private final Map<String, Posting> offers = new HashMap<>();
    private final NavigableSet<Posting> openByLastDay = new TreeSet<>(EXPIRY_ORDER);
    private final Map<String, LiveMatch> matches = new HashMap<>();
    private final Deadlines byDeadline = new Deadlines();

    private final Map<String, Closed> closedRequests = new HashMap<>();
    private final Map<String, Closed> closedOffers = new HashMap<>();
    /** Closed ids by closing time, the next to forget first; an id closed again leaves a stale entry. */
    private final ByTime<Closed> byClosingTime = new ByTime<>(Closed::at);
    /** Restored closed ids that were stored without a closing time: they count from the first call. */
    private final List<Closed> undated = new ArrayList<>();

    // What changed since the last take, in the order it first changed: lists, not sets, because
    // the postings and matches mark themselves (Posting.changed, LiveMatch.changed), which spares a
    // hash set's work at every change; resolved by id only when taken. Not final: takeChanges starts
    // a large one afresh rather than keep its array at the largest size it ever had.
    private List<Posting> changedPostings = new ArrayList<>();
    private List<BookEntry> forgotten = new ArrayList<>();
    private List<LiveMatch> changedMatches = new ArrayList<>();
    private List<String> endedMatches = new ArrayList<>();
    private long nextSequence = 1;

    protected AbstractMatchingBook(BookSettings settings) {
        this.settings = settings;
    }

    /** Starts indexing a posting that became matchable: open, with quantity left. */
    protected abstract void add(Posting item);

    /** Stops indexing a posting that is no longer matchable. */
    protected abstract void remove(Posting item);

    /** The best matchable request for an offer (rule 2) that it has not matched before, or null. */
    protected abstract Posting bestRequestFor(Posting offer);

    /** The best matchable offer for a request (rule 3) that it has not matched before, or null. */
    protected abstract Posting bestOfferFor(Posting request);

    @Override
    public List<MatchEvent> apply(RequestEvent event, Instant now) {
        IncomingEventCheck.check(event, settings.supplyTypes());
        List<MatchEvent> out = advance(now);
        if (event instanceof RequestPosted posted) {
            if (!isKnown(Side.REQUEST, posted.requestId())) {
                arrive(Posting.of(posted, nextSequence++), now, out);
            }
        } else if (event instanceof RequestCancelled cancelled) {
            Posting request = requests.get(cancelled.requestId());
            if (request != null && request.isOpen()) {
                close(List.of(request), cancelled.closeReason(), now, out);
            }
        }
        return out;
    }

    @Override
    public List<MatchEvent> apply(OfferEvent event, Instant now) {
        IncomingEventCheck.check(event, settings.supplyTypes());
        List<MatchEvent> out = advance(now);
        if (event instanceof OfferPosted posted) {
            if (!isKnown(Side.OFFER, posted.offerId())) {
                arrive(Posting.of(posted, nextSequence++), now, out);
            }
        } else if (event instanceof OfferWithdrawn withdrawn) {
            Posting offer = offers.get(withdrawn.offerId());
            if (offer != null && offer.isOpen()) {
                close(List.of(offer), withdrawn.closeReason(), now, out);
            }
        }
        return out;
    }

    @Override
    public List<MatchEvent> apply(MatchCommand command, Instant now) {
        IncomingEventCheck.check(command, settings.supplyTypes());
        List<MatchEvent> out = advance(now);
        new CommandDecision(this, command, matches.get(command.matchId()), now, out).decide();
        return out;
    }

    @Override
    public List<MatchEvent> advance(Instant now) {
        forgetClosedBefore(now.minus(settings.closedIdHorizon()));
        List<MatchEvent> out = new ArrayList<>(4);
        LocalDate today = utcDay(now);
        if (!openByLastDay.isEmpty() && openByLastDay.first().lastDay.isBefore(today)) {
            List<Posting> expired = new ArrayList<>();
            for (Posting item : openByLastDay) {
                if (!item.lastDay.isBefore(today)) {
                    break;
                }
                expired.add(item);
            }
            close(expired, CloseReason.EXPIRED, now, out);
        }
        for (LiveMatch due = byDeadline.firstDueBefore(now); due != null; due = byDeadline.firstDueBefore(now)) {
            if (due.status == MatchStatus.PROPOSED) {
                end(
                        due,
                        MatchStatus.LAPSED,
                        Actor.MATCHER,
                        MatchEndReason.NO_ANSWER,
                        null,
                        Fate.RETURNS,
                        Fate.CLOSED,
                        null,
                        due.offer.organization + " did not answer in time",
                        now,
                        out);
            } else {
                move(due, MatchStatus.OVERDUE, null, now);
                out.add(Decisions.statusChanged(
                        due, MatchStatus.DISPATCHED, Actor.MATCHER, null, null, Released.NOTHING, 0, null, now));
            }
        }
        return out;
    }

    @Override
    public Optional<BookEntry> entry(Side side, String id) {
        Posting held = postings(side).get(id);
        if (held != null) {
            return Optional.of(held.snapshot());
        }
        Closed closed = closed(side).get(id);
        return closed == null ? Optional.empty() : Optional.of(settledEntry(closed));
    }

    @Override
    public Optional<MatchEntry> match(String matchId) {
        return Optional.ofNullable(matches.get(matchId)).map(LiveMatch::snapshot);
    }

    @Override
    public BookChanges takeChanges() {
        List<BookEntry> entries = new ArrayList<>(changedPostings.size());
        for (Posting item : changedPostings) {
            item.changed = false;
            if (item.held) {
                entries.add(item.snapshot());
            } else if (postings(item.side).get(item.id) == null) {
                // Settled: its closed id, unless forgotten since. Another posting held under the id
                // (posted anew after it was forgotten) is in the list itself.
                Closed closed = closed(item.side).get(item.id);
                if (closed != null) {
                    entries.add(settledEntry(closed));
                }
            }
        }
        List<MatchEntry> standing = new ArrayList<>(changedMatches.size());
        for (LiveMatch match : changedMatches) {
            match.changed = false;
            if (!match.ended) {
                standing.add(match.snapshot());
            }
        }
        BookChanges changes = new BookChanges(entries, List.copyOf(forgotten), standing, List.copyOf(endedMatches));
        changedPostings = emptied(changedPostings);
        forgotten = emptied(forgotten);
        changedMatches = emptied(changedMatches);
        endedMatches = emptied(endedMatches);
        return changes;
    }

    @Override
    public void restore(BookEntry entry) {
        if (!entry.settled()) {
            Posting item = Posting.of(entry);
            takeIn(item);
            if (item.isOpen() && item.lastDay != null) {
                openByLastDay.add(item);
            }
            reindex(item);
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
    public void restore(MatchEntry entry) {
        Posting request = requests.get(entry.requestId());
        Posting offer = offers.get(entry.offerId());
        if (request == null || offer == null) {
            throw new IllegalStateException("match " + entry.matchId() + " stands on a request or offer not restored");
        }
        hold(LiveMatch.of(entry, request, offer));
    }

    @Override
    public List<BookEntry> openEntries() {
        return entries().stream().filter(BookEntry::isOpen).toList();
    }

    @Override
    public List<BookEntry> entries() {
        List<Posting> held = new ArrayList<>(requests.values());
        held.addAll(offers.values());
        held.sort(Comparator.comparingLong(item -> item.sequence));
        return held.stream().map(Posting::snapshot).toList();
    }

    @Override
    public List<MatchEntry> standingMatches() {
        return matches.values().stream()
                .sorted(MADE_ORDER)
                .map(LiveMatch::snapshot)
                .toList();
    }

    // ---- what commands, time and closings do to a match; CommandDecision calls these too ----

    BookSettings settings() {
        return settings;
    }

    /** Moves a match on without releasing anything, with the deadline of its new status. */
    void move(LiveMatch match, MatchStatus status, Instant deadline, Instant now) {
        if (match.deadline != null) {
            byDeadline.remove(match);
        }
        match.status = status;
        match.deadline = deadline;
        if (deadline != null) {
            byDeadline.add(match);
        }
        changed(match);
        changed(match.request);
        changed(match.offer);
    }

    /** Moves what a match proposed to accepted on both sides. */
    void accept(LiveMatch match) {
        match.request.proposed -= match.quantity;
        match.offer.proposed -= match.quantity;
        match.request.accepted += match.quantity;
        match.offer.accepted += match.quantity;
    }

    /** Moves a received match's shipment out of dispatched: the good part is delivered, the rest returned below. */
    void deliver(LiveMatch match, long received) {
        match.request.dispatched -= match.shipped;
        match.offer.dispatched -= match.shipped;
        match.request.delivered += received;
        match.offer.delivered += received;
    }

    /** Takes all a match holds before dispatch out of both sides' proposed or accepted quantity. */
    void takeBack(LiveMatch match) {
        if (match.status == MatchStatus.PROPOSED) {
            match.request.proposed -= match.quantity;
            match.offer.proposed -= match.quantity;
        } else {
            match.request.accepted -= match.quantity;
            match.offer.accepted -= match.quantity;
        }
    }

    /**
     * Ends a match that stood before dispatch: its whole quantity goes where the fates say, the
     * sides re-match, and whatever is left with nothing standing closes.
     */
    void end(
            LiveMatch match,
            MatchStatus status,
            Actor actor,
            MatchEndReason reason,
            String note,
            Fate requestFate,
            Fate offerFate,
            String commandId,
            String rematchedAfter,
            Instant now,
            List<MatchEvent> out) {
        MatchStatus previous = match.status;
        takeBack(match);
        release(
                match,
                previous,
                status,
                actor,
                reason,
                note,
                match.quantity,
                requestFate,
                offerFate,
                0,
                commandId,
                rematchedAfter,
                now,
                out);
    }

    /**
     * Gives {@code quantity} of a match back to its sides as the fates say, records the move to
     * {@code status}, then re-matches: the request draws first, then the offer fills (rule 14).
     */
    void release(
            LiveMatch match,
            MatchStatus previous,
            MatchStatus status,
            Actor actor,
            MatchEndReason reason,
            String note,
            long quantity,
            Fate requestFate,
            Fate offerFate,
            long received,
            String commandId,
            String rematchedAfter,
            Instant now,
            List<MatchEvent> out) {
        long requestReturned = giveBack(match.request, quantity, requestFate);
        long offerReturned = giveBack(match.offer, quantity, offerFate);
        Released released =
                new Released(requestReturned, quantity - requestReturned, offerReturned, quantity - offerReturned);
        if (status.ended()) {
            match.status = status;
            drop(match);
        } else {
            move(match, status, status == MatchStatus.DISPATCHED ? now.plus(settings.confirmWithin()) : null, now);
        }
        changed(match.request);
        changed(match.offer);
        out.add(Decisions.statusChanged(match, previous, actor, reason, note, released, received, commandId, now));
        reindex(match.request);
        reindex(match.offer);
        if (requestReturned > 0) {
            draw(match.request, Trigger.REQUEST_RETURNED, rematchedAfter, now, out);
        }
        if (offerReturned > 0) {
            draw(match.offer, Trigger.OFFER_RETURNED, rematchedAfter, now, out);
        }
        settle(match.request, now, out);
        settle(match.offer, now, out);
    }

    // ---- postings ----

    private void arrive(Posting item, Instant now, List<MatchEvent> out) {
        if (item.isExpiredOn(utcDay(now))) {
            item.closed = item.remaining;
            item.remaining = 0;
            remember(new Closed(item.side, item.id, CloseReason.EXPIRED, now));
            changed(item);
            out.add(Decisions.closed(item, CloseReason.EXPIRED, now));
            return;
        }
        takeIn(item);
        if (item.lastDay != null) {
            openByLastDay.add(item);
        }
        changed(item);
        reindex(item);
        draw(item, item.side == Side.OFFER ? Trigger.OFFER_ARRIVED : Trigger.REQUEST_ARRIVED, null, now, out);
    }

    /** Matches a posting against the best other side, one fill at a time, while it is matchable. */
    private void draw(Posting item, Trigger trigger, String rematchedAfter, Instant now, List<MatchEvent> out) {
        while (item.isMatchable()) {
            Posting other = item.side == Side.OFFER ? bestRequestFor(item) : bestOfferFor(item);
            if (other == null) {
                break;
            }
            Posting request = item.side == Side.REQUEST ? item : other;
            Posting offer = item.side == Side.OFFER ? item : other;
            long quantity = Math.min(request.remaining, offer.remaining);
            request.remaining -= quantity;
            offer.remaining -= quantity;
            LiveMatch match;
            if (offer.autoAccept) {
                request.accepted += quantity;
                offer.accepted += quantity;
                match = new LiveMatch(
                        Decisions.matchId(request, offer), request, offer, quantity, MatchStatus.ACCEPTED, null, now);
            } else {
                request.proposed += quantity;
                offer.proposed += quantity;
                match = new LiveMatch(
                        Decisions.matchId(request, offer),
                        request,
                        offer,
                        quantity,
                        MatchStatus.PROPOSED,
                        now.plus(settings.acceptWithin()),
                        now);
            }
            request.matchedWith(offer);
            offer.matchedWith(request);
            hold(match);
            changed(request);
            changed(offer);
            reindex(other);
            out.add(Decisions.matchMade(match, trigger, rematchedAfter));
        }
        reindex(item);
    }

    /**
     * Closes open postings, as CANCELLED or EXPIRED: their open quantity closes, then the matches of
     * theirs that end with them end (rule 15), and each closing is reported. All are marked closed
     * before any match ends, so that what is released never goes to one of them.
     */
    private void close(List<Posting> items, CloseReason reason, Instant now, List<MatchEvent> out) {
        for (Posting item : items) {
            item.closedAs = reason;
            item.closedAt = now;
            item.closed += item.remaining;
            item.remaining = 0;
            if (item.lastDay != null) {
                openByLastDay.remove(item);
            }
            reindex(item);
            changed(item);
        }
        for (Posting item : items) {
            boolean expired = reason == CloseReason.EXPIRED;
            boolean isRequest = item.side == Side.REQUEST;
            MatchEndReason why = isRequest
                    ? (expired ? MatchEndReason.REQUEST_EXPIRED : MatchEndReason.REQUEST_CANCELLED)
                    : (expired ? MatchEndReason.OFFER_EXPIRED : MatchEndReason.OFFER_WITHDRAWN);
            String after = reason == CloseReason.SUSPENDED
                    ? item.organization + " was suspended"
                    : isRequest
                            ? "the request was " + (expired ? "past its needed-by date" : "cancelled")
                            : item.organization + (expired ? "'s offer expired" : " withdrew the offer");
            if (item.hasStanding()) {
                List<LiveMatch> standing = new ArrayList<>(item.standing().values());
                // By time, then id, not by insertion: a restored book must end them in the same order.
                standing.sort(MADE_ORDER);
                for (LiveMatch match : standing) {
                    boolean endsWithIt =
                            match.status == MatchStatus.PROPOSED || (!expired && match.status == MatchStatus.ACCEPTED);
                    if (endsWithIt && matches.containsKey(match.id)) {
                        end(
                                match,
                                MatchStatus.CANCELLED,
                                Actor.MATCHER,
                                why,
                                null,
                                isRequest ? Fate.CLOSED : Fate.RETURNS,
                                isRequest ? Fate.RETURNS : Fate.CLOSED,
                                null,
                                after,
                                now,
                                out);
                    }
                }
            }
            out.add(Decisions.closed(item, reason, now));
            settle(item, now, out);
        }
    }

    /**
     * A posting with nothing standing is done: an open one with nothing open closes as FULFILLED; a
     * closed one keeps only its id from now on.
     */
    private void settle(Posting item, Instant now, List<MatchEvent> out) {
        if (item.hasStanding() || !item.held) {
            return;
        }
        if (item.isOpen()) {
            if (item.remaining > 0) {
                return;
            }
            item.closedAs = CloseReason.FULFILLED;
            out.add(Decisions.closed(item, CloseReason.FULFILLED, now));
        }
        postings(item.side).remove(item.id);
        item.held = false;
        if (item.lastDay != null) {
            openByLastDay.remove(item);
        }
        reindex(item);
        remember(new Closed(item.side, item.id, item.closedAs, now));
        changed(item);
    }

    private long giveBack(Posting side, long quantity, Fate fate) {
        if (fate == Fate.RETURNS && side.isOpen()) {
            side.remaining += quantity;
            return quantity;
        }
        side.closed += quantity;
        return 0;
    }

    private void hold(LiveMatch match) {
        matches.put(match.id, match);
        match.request.standing().put(match.id, match);
        match.offer.standing().put(match.id, match);
        if (match.deadline != null) {
            byDeadline.add(match);
        }
        changed(match);
    }

    private void drop(LiveMatch match) {
        if (match.deadline != null) {
            byDeadline.remove(match);
        }
        matches.remove(match.id);
        match.request.standing().remove(match.id);
        match.offer.standing().remove(match.id);
        match.ended = true;
        endedMatches.add(match.id);
    }

    private void reindex(Posting item) {
        boolean matchable = item.isMatchable() && item.held;
        if (matchable != item.indexed) {
            if (matchable) {
                add(item);
            } else {
                remove(item);
            }
            item.indexed = matchable;
        }
    }

    private void changed(Posting item) {
        if (!item.changed) {
            item.changed = true;
            changedPostings.add(item);
        }
    }

    private void changed(LiveMatch match) {
        if (!match.changed) {
            match.changed = true;
            changedMatches.add(match);
        }
    }

    /** Puts a posting in the book's map of those it holds whole. */
    private void takeIn(Posting item) {
        Posting previous = postings(item.side).put(item.id, item);
        if (previous != null) {
            previous.held = false;
        }
        item.held = true;
    }

    private static <T> List<T> emptied(List<T> list) {
        if (list.size() > SMALL) {
            return new ArrayList<>();
        }
        list.clear();
        return list;
    }

    // ---- duplicates and forgetting (rule 7) ----

    private static BookEntry settledEntry(Closed closed) {
        return BookEntry.settled(closed.side(), closed.id(), closed.reason(), closed.at());
    }

    private void forgetClosedBefore(Instant cutoff) {
        if (!undated.isEmpty()) {
            Instant now = cutoff.plus(settings.closedIdHorizon());
            for (Closed closed : undated) {
                remember(new Closed(closed.side(), closed.id(), closed.reason(), now));
            }
            undated.clear();
        }
        for (Closed oldest = byClosingTime.pollBefore(cutoff);
                oldest != null;
                oldest = byClosingTime.pollBefore(cutoff)) {
            // Only if it is still the id's closing: one closed again since left this entry stale.
            if (closed(oldest.side()).remove(oldest.id(), oldest)) {
                forgotten.add(settledEntry(oldest));
            }
        }
    }

    private void remember(Closed closed) {
        closed(closed.side()).put(closed.id(), closed);
        byClosingTime.add(closed);
    }

    private boolean isKnown(Side side, String id) {
        return postings(side).containsKey(id) || closed(side).containsKey(id);
    }

    private Map<String, Posting> postings(Side side) {
        return side == Side.REQUEST ? requests : offers;
    }

    private Map<String, Closed> closed(Side side) {
        return side == Side.REQUEST ? closedRequests : closedOffers;
    }

    /** The UTC day of an instant; {@code LocalDate.ofInstant} builds the zone's rules on every call. */
    private static LocalDate utcDay(Instant now) {
        return LocalDate.ofEpochDay(Math.floorDiv(now.getEpochSecond(), 86_400));
    }
}
