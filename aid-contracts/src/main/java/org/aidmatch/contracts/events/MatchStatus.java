package org.aidmatch.contracts.events;

/**
 * Where a match stands on its way from proposal to delivery. The rules for each step are in
 * {@code MatchingBook}'s javadoc.
 */
public enum MatchStatus {
    /** Paired by the matcher; the quantity is reserved on both sides until the donor answers. */
    PROPOSED(false),
    /** The donor committed to it. */
    ACCEPTED(false),
    /** The donor shipped it; the requester has yet to confirm receipt. */
    DISPATCHED(false),
    /** Dispatched, and no receipt came within the confirmation deadline: coordinators follow it up. */
    OVERDUE(false),
    /** The requester confirmed receipt: the good quantity is delivered. */
    RECEIVED(true),
    /** The donor or the requester declined it. */
    DECLINED(true),
    /** The donor did not answer in time. */
    LAPSED(true),
    /** It ended before dispatch: cancelled by the donor or a coordinator, or by what happened to its request or offer. */
    CANCELLED(true);

    private final boolean ended;

    MatchStatus(boolean ended) {
        this.ended = ended;
    }

    /** Whether nothing more can happen to the match. */
    public boolean ended() {
        return ended;
    }
}
