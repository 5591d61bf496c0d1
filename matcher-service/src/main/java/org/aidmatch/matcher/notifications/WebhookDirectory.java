package org.aidmatch.matcher.notifications;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.aidmatch.contracts.TopicValue;
import org.aidmatch.contracts.notifications.DeliveryAttempt;
import org.aidmatch.contracts.notifications.EmailPreferences;
import org.aidmatch.contracts.notifications.WebhookSubscription;

/**
 * Each organisation's webhook and email choices, and its most recent delivery attempts, as this
 * instance has read them. The attempts kept are bounded: the last {@link #ATTEMPTS_KEPT} per organisation; the topic
 * keeps a week of them.
 */
public final class WebhookDirectory {

    static final int ATTEMPTS_KEPT = 50;

    private final Map<String, WebhookSubscription> byOrganisation = new ConcurrentHashMap<>();
    private final Map<String, EmailPreferences> email = new ConcurrentHashMap<>();
    private final Map<String, Deque<DeliveryAttempt>> attempts = new ConcurrentHashMap<>();

    public void apply(TopicValue record) {
        if (record instanceof WebhookSubscription subscription) {
            byOrganisation.put(subscription.organisation(), subscription);
        } else if (record instanceof EmailPreferences preferences) {
            email.put(preferences.organisation(), preferences);
        } else if (record instanceof DeliveryAttempt attempt) {
            Deque<DeliveryAttempt> recent = attempts.computeIfAbsent(attempt.organisation(), any -> new ArrayDeque<>());
            synchronized (recent) {
                recent.addFirst(attempt);
                while (recent.size() > ATTEMPTS_KEPT) {
                    recent.removeLast();
                }
            }
        }
    }

    /** The organisation's webhook, if it has one that is active. */
    public Optional<WebhookSubscription> active(String organisation) {
        return Optional.ofNullable(byOrganisation.get(organisation)).filter(WebhookSubscription::active);
    }

    /** What the organisation wants by email; the defaults if it never chose. */
    public EmailPreferences email(String organisation) {
        return email.getOrDefault(organisation, EmailPreferences.defaults(organisation));
    }

    /** The organisation's recent attempts, newest first. */
    public List<DeliveryAttempt> recentAttempts(String organisation) {
        Deque<DeliveryAttempt> recent = attempts.get(organisation);
        if (recent == null) {
            return List.of();
        }
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }
}
