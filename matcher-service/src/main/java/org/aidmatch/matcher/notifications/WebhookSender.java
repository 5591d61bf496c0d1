package org.aidmatch.matcher.notifications;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.aidmatch.contracts.events.MatchEvent;
import org.aidmatch.contracts.json.EventJson;
import org.aidmatch.contracts.notifications.Notification;
import org.aidmatch.contracts.notifications.WebhookSubscription;

/**
 * POSTs one notification to a webhook: JSON {@code {id, type, organisation, occurredAt, data}},
 * where {@code data} is the matcher's decision, with the headers {@code AidMatch-Event-Id},
 * {@code AidMatch-Event-Type}, {@code AidMatch-Delivery-Attempt} and {@code AidMatch-Signature}.
 * Any 2xx answer is a delivery; anything else, or no answer in time, is tried again.
 */
final class WebhookSender implements Channel {

    /** What a receiver gets in the body. */
    record Body(String id, String type, String organisation, Instant occurredAt, MatchEvent data) {}

    private final WebhookDirectory webhooks;
    private final WebhookTargets targets;
    private final Duration timeout;
    private final HttpClient http;

    private final SecretSeal seal;

    WebhookSender(WebhookDirectory webhooks, WebhookTargets targets, SecretSeal seal, Duration timeout) {
        this.webhooks = webhooks;
        this.seal = seal;
        this.targets = targets;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout)
                .build();
    }

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public boolean wants(Notification notification) {
        return webhooks.active(notification.organisation()).isPresent();
    }

    @Override
    public Duration gatherFor() {
        return Duration.ZERO;
    }

    @Override
    public int mostPerSending() {
        return 1;
    }

    @Override
    public Answer send(String organisation, List<Notification> notifications, int attempt) {
        var subscription = webhooks.active(organisation);
        return subscription.isEmpty() ? Answer.NOT_WANTED : send(subscription.get(), notifications.get(0), attempt);
    }

    private Answer send(WebhookSubscription webhook, Notification notification, int attempt) {
        var refusal = targets.refusal(webhook.url());
        if (refusal.isPresent()) {
            return new Answer(0, "the webhook URL " + refusal.get(), false, true);
        }
        var secret = seal.open(webhook.organisation(), webhook.secret());
        if (secret.isEmpty()) {
            return new Answer(
                    0,
                    "the webhook's secret cannot be opened with this deployment's key; register it again",
                    false,
                    true);
        }
        byte[] body = EventJson.mapper()
                .writeValueAsBytes(new Body(
                        notification.id(),
                        notification.type(),
                        notification.organisation(),
                        notification.occurredAt(),
                        notification.event()));
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(webhook.url()))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "AidMatch-Webhooks/1")
                .header("AidMatch-Event-Id", notification.id())
                .header("AidMatch-Event-Type", notification.type())
                .header("AidMatch-Delivery-Attempt", Integer.toString(attempt))
                .header(WebhookSignature.HEADER, WebhookSignature.header(secret.get(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return new Answer(status, status / 100 == 2 ? null : "answered " + status, status / 100 == 2, false);
        } catch (IOException e) {
            return new Answer(
                    0,
                    e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                    false,
                    false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "interrupted", false, false);
        }
    }
}
