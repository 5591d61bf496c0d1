package org.aidmatch.offer.view;

/** Where an offer stands, as its donor sees it. */
public enum OfferStatus {
    OPEN,
    PARTIALLY_MATCHED,
    MATCHED,
    WITHDRAWN,
    EXPIRED
}
