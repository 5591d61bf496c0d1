package org.aidmatch.matching;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.aidmatch.contracts.events.MatchEvent;
import org.aidmatch.contracts.events.OfferEvent;
import org.aidmatch.contracts.events.RequestEvent;

/**
 * The open book of aid requests and offers, and the rules by which AidMatch pairs them.
 *
 * <p>This javadoc is the one place where the matching rules are written down.
 *
 * <h2>1. Compatible</h2>
 * A request R and an offer O are compatible when
 * <ul>
 *   <li>they have the same supply type;
 *   <li>R's country lies inside at least one code of O's service area: the country itself, or a
 *       UN M49 area that contains it by ICU4J containment ({@code 001} contains every country);
 *   <li>both are open with remaining quantity above 0;
 *   <li>neither is expired at the time of the event being applied.
 * </ul>
 *
 * <h2>2. An arriving offer</h2>
 * fills compatible open requests one at a time, best first:
 * <ol>
 *   <li>urgency, CRITICAL before HIGH before NORMAL;
 *   <li>then the earlier {@code neededBy} (a request without one goes last);
 *   <li>then arrival order.
 * </ol>
 * Each fill is {@code min(remaining of the request, remaining of the offer)}.
 *
 * <h2>3. An arriving request</h2>
 * draws on compatible open offers one at a time, best first:
 * <ol>
 *   <li>the most specific matching area: of the offer's codes that cover the request's country, the
 *       one with the fewest countries (a country counts as 1), so a country-level offer goes before
 *       a sub-region, before a continent, before the world;
 *   <li>then the earlier {@code availableUntil} (an offer without one goes last);
 *   <li>then arrival order.
 * </ol>
 * Each fill is {@code min(remaining of the request, remaining of the offer)}. The area reported on
 * a match is always that most specific covering code (the lower code on a tie), whichever side
 * arrived.
 *
 * <h2>4. The book is never crossed</h2>
 * After every call, no compatible pair is left with both sides open.
 *
 * <h2>5. Cancel and withdraw</h2>
 * Cancelling a request or withdrawing an offer closes its remaining quantity. Matches already made
 * stand. Cancelling something unknown or already closed does nothing.
 *
 * <h2>6. Expiry</h2>
 * {@code neededBy} and {@code availableUntil} are inclusive dates in UTC: an item is still open on
 * that day and expired from the next. Time is the {@code now} given with each call (the event's
 * time in Kafka, never the wall clock), so replaying the same input gives the same output. Every
 * call first closes, as EXPIRED, everything whose date is before {@code now}'s UTC date, in order of
 * date and then arrival; an item that arrives already expired is closed at once and never matched.
 *
 * <h2>7. Duplicates, and how long the book remembers</h2>
 * A posting whose request or offer id the book has seen is ignored while that id is open, and while
 * it is closed for at most the closed-id horizon (180 days by default): a redelivered event never
 * re-opens what was matched. The horizon is counted in event time from the closing: every call
 * first forgets every id that closed more than the horizon before its {@code now}, so that the book
 * does not grow for ever with what is over. A posting of a forgotten id is a new posting, matched
 * like any other. Forgetting never touches open items, and a cancel or withdrawal of a forgotten id
 * does nothing, as for any unknown id. Entries restored without a closing time (stored by an older
 * matcher) count as closed at the first call after the restore.
 *
 * <h2>8. What a match says</h2>
 * Every {@code MatchMade} carries a deterministic match id (derived from the request and offer ids:
 * a pair can match only once, because each fill uses up one side), both ids and organisations, the
 * supply type, quantity, the request's country, the offer area that matched and a
 * {@code MatchReason}: which arrival triggered it, the request's urgency, the area's level and
 * country count, and a sentence for people.
 *
 * <h2>9. Closing events</h2>
 * When a request or offer closes, the book emits {@code RequestClosed} or {@code OfferClosed} with
 * the reason (FULFILLED, CANCELLED or EXPIRED) and the matched and unmatched totals. A fulfilled
 * side is closed right after the match that used it up.
 *
 * <h2>Input</h2>
 * Posted events must be valid (see {@link IncomingEventCheck}); an invalid one is rejected with
 * {@link RejectedEvent} before anything changes. Outputs are returned in the order they happened.
 * Implementations are not thread-safe: one book serves one stream task.
 */
public interface MatchingBook {

    /** How long a closed id is remembered for duplicate detection, unless a book is told otherwise. */
    Duration DEFAULT_CLOSED_ID_HORIZON = Duration.ofDays(180);

    /** Applies a request posted or cancelled at {@code now}, and returns what the matcher decided. */
    List<MatchEvent> apply(RequestEvent event, Instant now);

    /** Applies an offer posted or withdrawn at {@code now}, and returns what the matcher decided. */
    List<MatchEvent> apply(OfferEvent event, Instant now);

    /** Closes everything whose date is before {@code now}'s UTC date, as rule 6 describes. */
    List<MatchEvent> expire(Instant now);

    /**
     * The book's record of one request or offer: open with its remaining quantity, or closed; empty
     * if the book never saw it. This is what a durable store keeps to {@link #restore} the book.
     */
    Optional<BookEntry> entry(Side side, String id);

    /** Puts an entry back, as read from a durable store, before any event is applied. */
    void restore(BookEntry entry);

    /**
     * The closed entries the calls since the last take forgot (rule 7), for a durable store to
     * delete; taking them clears the list.
     */
    List<BookEntry> takeForgotten();

    /** All open entries, in arrival order. */
    List<BookEntry> openEntries();
}
