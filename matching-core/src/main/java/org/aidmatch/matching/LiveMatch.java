package org.aidmatch.matching;

import java.time.Instant;
import java.time.LocalDate;
import org.aidmatch.contracts.events.MatchStatus;

/** A match while it stands, linked to the request and offer it serves. */
final class LiveMatch {

    final String id;
    final Posting request;
    final Posting offer;
    final long quantity;
    final Instant madeAt;
    MatchStatus status;
    long shipped;
    Instant deadline;
    /** Its entry in the book's {@link Deadlines} while it has a deadline there. */
    Deadlines.Due due;

    String shipmentReference;
    LocalDate expectedArrival;
    /** Whether it is in the book's changes since they were last taken. */
    boolean changed;
    /** Whether it has ended and left the book. */
    boolean ended;

    LiveMatch(
            String id,
            Posting request,
            Posting offer,
            long quantity,
            MatchStatus status,
            Instant deadline,
            Instant madeAt) {
        this.id = id;
        this.request = request;
        this.offer = offer;
        this.quantity = quantity;
        this.status = status;
        this.deadline = deadline;
        this.madeAt = madeAt;
    }

    static LiveMatch of(MatchEntry entry, Posting request, Posting offer) {
        LiveMatch match = new LiveMatch(
                entry.matchId(), request, offer, entry.quantity(), entry.status(), entry.deadline(), entry.madeAt());
        match.shipped = entry.shipped();
        match.shipmentReference = entry.shipmentReference();
        match.expectedArrival = entry.expectedArrival();
        return match;
    }

    /** What it holds on each side now: all of it before dispatch, what was shipped after. */
    long inFlight() {
        return status == MatchStatus.PROPOSED || status == MatchStatus.ACCEPTED ? quantity : shipped;
    }

    MatchEntry snapshot() {
        return new MatchEntry(
                id,
                request.id,
                offer.id,
                quantity,
                status,
                shipped,
                deadline,
                shipmentReference,
                expectedArrival,
                madeAt);
    }
}
