package org.aidmatch.request.view;

/** Where a request stands, as its owner sees it. */
public enum RequestStatus {
    OPEN,
    PARTIALLY_MATCHED,
    MATCHED,
    CANCELLED,
    EXPIRED
}
