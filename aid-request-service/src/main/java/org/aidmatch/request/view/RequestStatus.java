package org.aidmatch.request.view;

/** Where a request stands, as its owner sees it. */
public enum RequestStatus {
    OPEN,
    PARTIALLY_MATCHED,
    /** Nothing open: all of it is in matches on their way, or delivered. */
    MATCHED,
    /** Nothing open and nothing in matches on their way: see the delivered and closed quantities. */
    COMPLETED,
    CANCELLED,
    EXPIRED,
    /** Withdrawn when its organisation was suspended. */
    SUSPENDED
}
