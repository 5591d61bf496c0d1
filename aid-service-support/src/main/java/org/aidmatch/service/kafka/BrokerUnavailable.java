package org.aidmatch.service.kafka;

/** Kafka did not acknowledge a write in time; the caller may retry later. Nothing was promised. */
public final class BrokerUnavailable extends RuntimeException {

    public BrokerUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
