package org.aidmatch.matcher.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.aidmatch.contracts.notifications.DeliveryAttempt;
import org.aidmatch.contracts.notifications.EmailPreferences;
import org.aidmatch.contracts.notifications.WebhookSubscription;
import org.aidmatch.contracts.topics.Topics;
import org.aidmatch.service.directory.Directory;
import org.aidmatch.service.kafka.EventPublisher;
import org.aidmatch.service.problem.Problems;
import org.aidmatch.service.security.ApiKeys;
import org.aidmatch.service.security.Caller;

/**
 * Registering, reading and removing an organisation's webhook, choosing what it gets by email, and
 * reading its recent deliveries: for coordinators and the organisation's own admin keys, as its
 * keys are.
 */
public final class Webhooks {

    private static final Duration READ_WAIT = Duration.ofSeconds(3);

    private final EventPublisher publisher;
    private final WebhookDirectory webhooks;
    private final WebhookFollower follower;
    private final WebhookTargets targets;
    private final Directory directory;
    private final ApiKeys file;
    private final SecretSeal seal;

    Webhooks(
            EventPublisher publisher,
            WebhookDirectory webhooks,
            WebhookFollower follower,
            WebhookTargets targets,
            Directory directory,
            ApiKeys file,
            SecretSeal seal) {
        this.publisher = publisher;
        this.webhooks = webhooks;
        this.follower = follower;
        this.targets = targets;
        this.directory = directory;
        this.file = file;
        this.seal = seal;
    }

    public WebhookView register(Caller actor, String organisation, WebhookBody body, Instant now) {
        mayManage(actor, organisation);
        targets.refusal(body.url()).ifPresent(refusal -> {
            throw Problems.badRequest("The webhook URL " + refusal + ".");
        });
        return write(new WebhookSubscription(
                organisation, body.url(), seal.seal(organisation, body.secret()), true, actor.organization(), now));
    }

    public WebhookView read(Caller actor, String organisation) {
        mayManage(actor, organisation);
        follower.awaitReadable(publisher.lastWritten(), READ_WAIT);
        return webhooks.active(organisation)
                .map(WebhookView::of)
                .orElseThrow(() -> Problems.notFound(organisation + " has no webhook."));
    }

    public WebhookView remove(Caller actor, String organisation, Instant now) {
        WebhookView current = read(actor, organisation);
        return write(new WebhookSubscription(organisation, current.url(), "", false, actor.organization(), now));
    }

    public EmailPreferences emailPreferences(Caller actor, String organisation) {
        mayManage(actor, organisation);
        follower.awaitReadable(publisher.lastWritten(), READ_WAIT);
        return webhooks.email(organisation);
    }

    public EmailPreferences chooseEmail(Caller actor, String organisation, EmailBody body, Instant now) {
        mayManage(actor, organisation);
        for (String event : body.events()) {
            if (!NotificationKinds.TYPES.contains(event)) {
                throw Problems.badRequest(
                        event + " is not a notification type; they are " + NotificationKinds.TYPES + ".");
            }
        }
        if (!EmailTemplates.LANGUAGES.contains(body.language())) {
            throw Problems.badRequest(
                    "Emails are written in " + EmailTemplates.LANGUAGES + ", not " + body.language() + ".");
        }
        EmailPreferences chosen =
                new EmailPreferences(organisation, body.events(), body.language(), actor.organization(), now);
        publisher.publish(Topics.EMAIL_PREFERENCES, chosen);
        follower.awaitReadable(publisher.lastWritten(), READ_WAIT);
        return chosen;
    }

    public List<DeliveryAttempt> deliveries(Caller actor, String organisation) {
        mayManage(actor, organisation);
        return webhooks.recentAttempts(organisation);
    }

    private WebhookView write(WebhookSubscription subscription) {
        publisher.publish(Topics.WEBHOOKS, subscription);
        follower.awaitReadable(publisher.lastWritten(), READ_WAIT);
        return WebhookView.of(subscription);
    }

    private void mayManage(Caller actor, String organisation) {
        if (!actor.mayManageKeysOf(organisation)) {
            throw Problems.forbidden(
                    "Only a coordinator, or an admin key of " + organisation + ", manages its webhook.");
        }
        boolean known = directory.organisation(organisation).isPresent()
                || file.organisations().contains(organisation);
        if (!known) {
            throw Problems.notFound("No organisation " + organisation + ".");
        }
    }
}
