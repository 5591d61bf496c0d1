package org.aidmatch.matcher.notifications;

import java.util.List;
import java.util.Map;
import org.aidmatch.contracts.topics.Topics;
import org.aidmatch.service.kafka.StateFollower;

/** Keeps the {@link WebhookDirectory} of this instance up to date, from the webhooks, email preferences and deliveries topics. */
public final class WebhookFollower extends StateFollower {

    public WebhookFollower(Map<String, Object> consumerConfig, WebhookDirectory directory) {
        super(consumerConfig, List.of(Topics.WEBHOOKS, Topics.EMAIL_PREFERENCES, Topics.DELIVERIES), directory::apply);
    }
}
