package org.aidmatch.contracts.notifications;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import org.aidmatch.contracts.TopicValue;

/**
 * One attempt to deliver a notification, and how it went, keyed by organisation.
 *
 * @param status the receiver's HTTP status; 0 when none answered
 * @param outcome DELIVERED, RETRYING (another attempt follows) or FAILED (no more attempts)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeliveryAttempt(
        String notificationId,
        String organisation,
        String type,
        String channel,
        int attempt,
        int status,
        Outcome outcome,
        String error,
        Instant occurredAt)
        implements TopicValue {

    public enum Outcome {
        DELIVERED,
        RETRYING,
        FAILED
    }

    @Override
    @JsonIgnore
    public String recordKey() {
        return organisation;
    }
}
