package org.aidmatch.contracts.events;

/** Why a request or offer stopped taking part in matching. */
public enum CloseReason {
    /** Nothing of it is open or in flight any more: all is delivered, or closed on the way. */
    FULFILLED,
    /** Its owner or a coordinator cancelled the request or withdrew the offer. */
    CANCELLED,
    /** Its needed-by or available-until date passed. */
    EXPIRED,
    /** Its organisation was suspended, and a coordinator's suspension withdrew it. */
    SUSPENDED
}
