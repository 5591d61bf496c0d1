package org.aidmatch.matching;

/** The two sides of the book. */
public enum Side {
    REQUEST,
    OFFER
}
