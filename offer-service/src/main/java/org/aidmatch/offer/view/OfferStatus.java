package org.aidmatch.offer.view;

/** Where an offer stands, as its donor sees it. */
public enum OfferStatus {
    OPEN,
    PARTIALLY_MATCHED,
    /** Nothing open: all of it is in matches on their way, or delivered. */
    MATCHED,
    /** Nothing open and nothing in matches on their way: see the delivered and closed quantities. */
    COMPLETED,
    WITHDRAWN,
    EXPIRED,
    /** Withdrawn when its organisation was suspended. */
    SUSPENDED
}
