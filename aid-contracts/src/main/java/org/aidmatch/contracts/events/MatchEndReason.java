package org.aidmatch.contracts.events;

/**
 * Why a match ended early or delivered less. The first five are what people give; the rest are
 * what the matcher records when time or another event ends a match.
 */
public enum MatchEndReason {
    /** Donor: the goods or people are not there after all. */
    NO_SUPPLY,
    /** Donor: cannot get them to the request's country. */
    CANNOT_REACH_AREA,
    /** Requester: the need is gone. */
    NO_LONGER_NEEDED,
    /** Requester: would rather be served by another donor. */
    PREFERS_DIFFERENT,
    /** Anyone: see the note. */
    OTHER,
    /** The donor did not answer a proposal in time. */
    NO_ANSWER,
    REQUEST_CANCELLED,
    OFFER_WITHDRAWN,
    REQUEST_EXPIRED,
    OFFER_EXPIRED;

    /** Whether a donor may give it when declining or cancelling. */
    public boolean donorMayGive() {
        return this == NO_SUPPLY || this == CANNOT_REACH_AREA || this == OTHER;
    }

    /** Whether a requester may give it when declining. */
    public boolean requesterMayGive() {
        return this == NO_LONGER_NEEDED || this == PREFERS_DIFFERENT || this == OTHER;
    }
}
