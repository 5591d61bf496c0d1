package org.aidmatch.matching;

/**
 * Where every unit of one request or offer is, on its own side: each unit is in exactly one of
 * these, so they always add up to the posted quantity (rule 16 of {@link MatchingBook}).
 *
 * @param open waiting to be matched
 * @param proposed in PROPOSED matches
 * @param accepted in ACCEPTED matches
 * @param dispatched shipped, in DISPATCHED or OVERDUE matches
 * @param delivered received in good condition
 * @param closed never to be served through this posting: cancelled, expired, declined as no
 *     longer needed or without supply, lapsed, not shipped, lost or damaged
 */
public record Balance(long open, long proposed, long accepted, long dispatched, long delivered, long closed) {

    public static Balance openOnly(long quantity) {
        return new Balance(quantity, 0, 0, 0, 0, 0);
    }

    public long total() {
        return open + proposed + accepted + dispatched + delivered + closed;
    }

    /** What is in matches that stand: proposed, accepted or dispatched. */
    public long inFlight() {
        return proposed + accepted + dispatched;
    }
}
