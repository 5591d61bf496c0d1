package org.aidmatch.matching;

/** An event the book refuses because it breaks the contract; the book is left unchanged. */
public final class RejectedEvent extends RuntimeException {

    public RejectedEvent(String message) {
        super(message);
    }
}
