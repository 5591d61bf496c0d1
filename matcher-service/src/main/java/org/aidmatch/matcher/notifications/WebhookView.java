package org.aidmatch.matcher.notifications;

import java.time.Instant;
import org.aidmatch.contracts.notifications.WebhookSubscription;

/** A webhook as its organisation reads it back: never the secret. */
public record WebhookView(String organisation, String url, boolean active, String changedBy, Instant changedAt) {

    static WebhookView of(WebhookSubscription subscription) {
        return new WebhookView(
                subscription.organisation(),
                subscription.url(),
                subscription.active(),
                subscription.changedBy(),
                subscription.occurredAt());
    }
}
