package org.aidmatch.contracts.notifications;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import org.aidmatch.contracts.TopicValue;
import org.aidmatch.contracts.events.MatchEvent;

/**
 * A decision of the matcher that concerns one organisation, keyed by that organisation so that its
 * notifications are delivered in order.
 *
 * @param id the decision's event id and the organisation: the same on every redelivery, so that a
 *     receiver can drop a repeat
 * @param type what happened, such as {@code match.proposed} or {@code match.dispatched}
 * @param event the decision as the matcher wrote it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Notification(String id, String organisation, String type, MatchEvent event, Instant occurredAt)
        implements TopicValue {

    @Override
    @JsonIgnore
    public String recordKey() {
        return organisation;
    }
}
