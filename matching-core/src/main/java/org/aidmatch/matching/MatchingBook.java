package org.aidmatch.matching;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.aidmatch.contracts.commands.MatchCommand;
import org.aidmatch.contracts.events.MatchEvent;
import org.aidmatch.contracts.events.OfferEvent;
import org.aidmatch.contracts.events.RequestEvent;

/**
 * The book of aid requests and offers, the rules by which AidMatch pairs them, and the lifecycle by
 * which a match becomes a delivery.
 *
 * <p>This javadoc is the one place where the matching rules are written down. A request or offer
 * is a <em>posting</em>; a posting is <em>open</em> until it closes (rule 9), and
 * <em>matchable</em> while it is open with open quantity above 0.
 *
 * <h2>1. Compatible</h2>
 * A request R and an offer O are compatible when
 * <ul>
 *   <li>they have the same supply type;
 *   <li>R's country lies inside at least one code of O's service area: the country itself, or a
 *       UN M49 area that contains it by ICU4J containment ({@code 001} contains every country);
 *   <li>both are matchable;
 *   <li>neither is expired at the time of the event being applied;
 *   <li>R and O have never matched before (rule 8).
 * </ul>
 *
 * <h2>2. An arriving offer</h2>
 * fills compatible requests one at a time, best first:
 * <ol>
 *   <li>urgency, CRITICAL before HIGH before NORMAL;
 *   <li>then the earlier {@code neededBy} (a request without one goes last);
 *   <li>then arrival order.
 * </ol>
 * Each fill is {@code min(open quantity of the request, open quantity of the offer)}.
 *
 * <h2>3. An arriving request</h2>
 * draws on compatible offers one at a time, best first:
 * <ol>
 *   <li>the most specific matching area: of the offer's codes that cover the request's country, the
 *       one with the fewest countries (a country counts as 1), so a country-level offer goes before
 *       a sub-region, before a continent, before the world;
 *   <li>then the earlier {@code availableUntil} (an offer without one goes last);
 *   <li>then arrival order.
 * </ol>
 * Each fill is as in rule 2. The area reported on a match is always that most specific covering
 * code (the lower code on a tie), whichever side arrived.
 *
 * <h2>4. The book is never crossed</h2>
 * After every call, no compatible pair is left.
 *
 * <h2>5. Cancel and withdraw</h2>
 * Cancelling a request or withdrawing an offer closes it as CANCELLED: its open quantity closes,
 * and its PROPOSED and ACCEPTED matches end as CANCELLED (reason REQUEST_CANCELLED or
 * OFFER_WITHDRAWN; rule 14 says where their quantity goes), one after the other in the order they
 * were made (by time, then match id). DISPATCHED and OVERDUE matches stand.
 * Cancelling something unknown or already closed does nothing. A cancel or withdrawal that
 * carries the reason SUSPENDED (its organisation was suspended) does all of this too, but the
 * posting closes as SUSPENDED.
 *
 * <h2>6. Expiry</h2>
 * {@code neededBy} and {@code availableUntil} are inclusive dates in UTC: a posting is still open on
 * that day and expired from the next. An open posting whose date is before {@code now}'s UTC date
 * closes as EXPIRED: its open quantity closes, and its PROPOSED matches end as CANCELLED (reason
 * REQUEST_EXPIRED or OFFER_EXPIRED), in the order of rule 5. ACCEPTED, DISPATCHED and OVERDUE matches stand. All postings
 * that expire at one call are closed before any of their matches ends, in order of date and then
 * arrival. A posting that arrives already expired is closed at once and never matched.
 *
 * <h2>7. Duplicates, and how long the book remembers</h2>
 * A posting whose request or offer id the book holds is ignored, and so is one whose id closed at
 * most the closed-id horizon (180 days by default) ago: a redelivered event never re-opens what was
 * matched. A closed posting is held whole while any match of it stands; only when none does is it
 * reduced to its closed id, and the horizon counts in event time from then. Every call first
 * forgets every closed id older than the horizon before its {@code now}, so that the book does not
 * grow for ever with what is over. A posting of a forgotten id is a new posting, matched like any
 * other, except with the postings that still remember having matched it (rule 8). A cancel or
 * withdrawal of a forgotten id does nothing. Entries restored without a closing time (stored by an
 * older matcher) count as closed at the first call after the restore.
 *
 * <h2>8. What a match says</h2>
 * Every {@code MatchMade} carries a deterministic match id derived from the request and offer ids;
 * a pair that has matched once never matches again, even when quantity comes back to both, so the
 * id names one match. It also carries both organisations, the supply type, quantity, the request's
 * country, the offer area that matched, its status and answer deadline, both sides' open quantity
 * after it, and a {@code MatchReason}: which arrival or return triggered it, the request's urgency,
 * the area's level and country count, for a re-match what released the quantity, and sentences for
 * people.
 *
 * <h2>9. Closing events</h2>
 * A posting closes once: as CANCELLED or EXPIRED by rules 5 and 6, or as FULFILLED when it is open,
 * has no open quantity and no match of it stands any more (all delivered, or closed on the way).
 * The book then emits {@code RequestClosed} or {@code OfferClosed} with the reason, the quantity
 * delivered or still in standing matches, and the quantity never to be served.
 *
 * <h2>10. A match starts PROPOSED</h2>
 * Its quantity is reserved on both sides, and the donor must answer within accept-within (48 hours
 * by default): a PROPOSED match whose deadline is before {@code now} LAPSES. A match with an offer
 * posted with {@code autoAccept} starts ACCEPTED and has no deadline.
 *
 * <h2>11. Commands, and who may give them</h2>
 * <ul>
 *   <li>ACCEPT: the donor or a coordinator, on a PROPOSED match. It becomes ACCEPTED.
 *   <li>DECLINE by the donor, on a PROPOSED match, for NO_SUPPLY, CANNOT_REACH_AREA or OTHER;
 *       DECLINE by the requester, on a PROPOSED or ACCEPTED match, for NO_LONGER_NEEDED,
 *       PREFERS_DIFFERENT or OTHER. It becomes DECLINED. A coordinator cancels instead.
 *   <li>CANCEL by the donor, on an ACCEPTED match, for a donor's reason; by a coordinator, on a
 *       PROPOSED or ACCEPTED match, for any of those five reasons. It becomes CANCELLED.
 *   <li>DISPATCH: the donor or a coordinator, once, on an ACCEPTED match, with the quantity shipped,
 *       above 0 and at most the matched quantity, and an optional shipment reference and expected
 *       arrival. It becomes DISPATCHED; the part not shipped is released.
 *   <li>RECEIPT: the requester or a coordinator, on a DISPATCHED or OVERDUE match, with the quantity
 *       received in good condition, at most the quantity shipped, and an optional note. It becomes
 *       RECEIVED: the good quantity is delivered on both sides, and the shortfall is released.
 * </ul>
 * "The donor" is the offer's organisation acting as DONOR; "the requester" the request's
 * organisation acting as REQUESTER. A command on a match that does not stand (unknown or ended),
 * from someone who is not that party, or that this list does not allow in the match's status,
 * changes nothing and is answered with {@code CommandRefused}, which gives the status. A command
 * whose fields break these rules whatever the status (a reason the party may not give, a quantity
 * not above 0) is rejected as invalid (see Input).
 *
 * <h2>12. Ended matches</h2>
 * RECEIVED, DECLINED, LAPSED and CANCELLED matches have ended: nothing more happens to them and
 * the book no longer holds them.
 *
 * <h2>13. Overdue</h2>
 * A DISPATCHED match with no receipt within confirm-within (30 days by default) of its dispatch
 * becomes OVERDUE, for coordinators to follow up. It is not closed, and a receipt still counts.
 *
 * <h2>14. Where released quantity goes</h2>
 * When a match ends early or delivers less, each side's part either returns to that side's open
 * quantity, or closes on that side:
 * <table>
 *   <caption>what happens to each side's part</caption>
 *   <tr><th>what happened</th><th>request side</th><th>offer side</th></tr>
 *   <tr><td>donor declines or cancels: NO_SUPPLY</td><td>returns</td><td>closes</td></tr>
 *   <tr><td>donor declines or cancels: CANNOT_REACH_AREA or OTHER</td><td>returns</td><td>returns</td></tr>
 *   <tr><td>a proposal lapses</td><td>returns</td><td>closes</td></tr>
 *   <tr><td>requester declines: NO_LONGER_NEEDED</td><td>closes</td><td>returns</td></tr>
 *   <tr><td>requester declines: PREFERS_DIFFERENT or OTHER</td><td>returns</td><td>returns</td></tr>
 *   <tr><td>a coordinator cancels</td><td>returns</td><td>returns</td></tr>
 *   <tr><td>shipped less than matched: the part not shipped</td><td>returns</td><td>closes</td></tr>
 *   <tr><td>received less than shipped: the shortfall</td><td>returns</td><td>closes</td></tr>
 *   <tr><td>the request is cancelled or expires</td><td>closes</td><td>returns</td></tr>
 *   <tr><td>the offer is withdrawn or expires</td><td>returns</td><td>closes</td></tr>
 * </table>
 * A part that would return to a closed posting closes on it instead. Right after the release the
 * request, if its part returned, draws as in rule 3; then the offer, if its part returned, fills
 * as in rule 2; so replays decide alike. A match made so carries the trigger REQUEST_RETURNED or
 * OFFER_RETURNED and says what released the quantity. A posting with nothing open and nothing
 * standing then closes by rule 9.
 *
 * <h2>15. Quantities always balance</h2>
 * For every posting, on its own side, every unit is in exactly one state of {@link Balance}:
 * {@code quantity = open + proposed + accepted + dispatched + delivered + closed}.
 *
 * <h2>16. Time</h2>
 * Time is the {@code now} given with each call (the time of the record in Kafka, never the wall
 * clock), so replaying the same input gives the same output. Every call first lets time pass to
 * {@code now}, in this order: it forgets (rule 7); it closes what expired (rule 6); then it fires
 * every match deadline before {@code now}, in order of deadline and then match id: a PROPOSED match
 * LAPSES (reason NO_ANSWER), a DISPATCHED one becomes OVERDUE. {@link #advance} does only this, for
 * a clock tick. A command is then decided against the match as time has left it.
 *
 * <h2>Input</h2>
 * Events and commands must be valid (see {@link IncomingEventCheck}); an invalid one is rejected
 * with {@link RejectedEvent} before anything changes. Outputs are returned in the order they
 * happened. Implementations are not thread-safe: one book serves one stream task.
 */
public interface MatchingBook {

    /** How long a closed id is remembered for duplicate detection, unless a book is told otherwise. */
    Duration DEFAULT_CLOSED_ID_HORIZON = BookSettings.DEFAULTS.closedIdHorizon();

    /** Applies a request posted or cancelled at {@code now}, and returns what the matcher decided. */
    List<MatchEvent> apply(RequestEvent event, Instant now);

    /** Applies an offer posted or withdrawn at {@code now}, and returns what the matcher decided. */
    List<MatchEvent> apply(OfferEvent event, Instant now);

    /** Applies a command on a match given at {@code now}, and returns what the matcher decided. */
    List<MatchEvent> apply(MatchCommand command, Instant now);

    /** Lets time pass to {@code now} (rule 16): forgets, expires, and fires match deadlines. */
    List<MatchEvent> advance(Instant now);

    /**
     * The book's record of one request or offer: held whole, or only its closed id; empty if the
     * book never saw it or forgot it. This is what a durable store keeps to {@link #restore} the book.
     */
    Optional<BookEntry> entry(Side side, String id);

    /** A match that stands; empty for one unknown or ended. */
    Optional<MatchEntry> match(String matchId);

    /** Puts an entry back, as read from a durable store, before any event is applied. */
    void restore(BookEntry entry);

    /** Puts a standing match back, after the entries of its request and offer. */
    void restore(MatchEntry match);

    /**
     * What the calls since the last take changed, for a durable store to write; taking it clears
     * it, so that the store learns each change once and never works it out from the decisions.
     */
    BookChanges takeChanges();

    /** All open entries, in arrival order. */
    List<BookEntry> openEntries();

    /** All entries held whole (open, or closed with matches standing), in arrival order. */
    List<BookEntry> entries();

    /** All standing matches, in the order they were made. */
    List<MatchEntry> standingMatches();
}
