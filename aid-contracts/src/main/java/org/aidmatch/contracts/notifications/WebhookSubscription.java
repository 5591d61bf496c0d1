package org.aidmatch.contracts.notifications;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import org.aidmatch.contracts.TopicValue;

/**
 * Where an organisation wants its notifications POSTed, keyed by organisation on a compacted topic.
 *
 * @param url an https URL (others only where the deployment's allow-list admits the host)
 * @param secret what deliveries are signed with (HMAC-SHA256); kept as given, since signing needs
 *     it, so the topic must be readable by AidMatch alone
 * @param active {@code false} once the organisation removed its webhook
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WebhookSubscription(
        String organisation, String url, String secret, boolean active, String changedBy, Instant occurredAt)
        implements TopicValue {

    @Override
    @JsonIgnore
    public String recordKey() {
        return organisation;
    }
}
