package org.aidmatch.contracts.events;

/** In which capacity someone acted on a match. */
public enum Party {
    REQUESTER,
    DONOR,
    COORDINATOR,
    /** The matcher itself, when a deadline or another event moved the match. */
    MATCHER
}
