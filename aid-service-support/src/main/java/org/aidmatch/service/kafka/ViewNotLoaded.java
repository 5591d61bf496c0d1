package org.aidmatch.service.kafka;

/** This instance is still reading its view from Kafka and cannot answer yet; the caller may retry. */
public final class ViewNotLoaded extends RuntimeException {

    public ViewNotLoaded(String message) {
        super(message);
    }
}
