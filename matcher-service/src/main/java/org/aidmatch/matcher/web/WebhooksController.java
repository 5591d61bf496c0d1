package org.aidmatch.matcher.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.List;
import org.aidmatch.contracts.notifications.DeliveryAttempt;
import org.aidmatch.matcher.notifications.WebhookBody;
import org.aidmatch.matcher.notifications.WebhookView;
import org.aidmatch.matcher.notifications.Webhooks;
import org.aidmatch.service.security.Caller;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An organisation's webhook and its recent deliveries (see README, Webhooks). */
@RestController
@RequestMapping(path = "/api/v1/organisations/{name}/webhook", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Webhooks", description = "Where AidMatch POSTs what concerns an organisation")
class WebhooksController {

    private final Webhooks webhooks;

    WebhooksController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @Operation(
            operationId = "registerWebhook",
            summary = "Register the webhook",
            description =
                    "An https URL and a secret of at least 24 characters. Every proposal, answer, dispatch, receipt, lapse and re-match that concerns the organisation is POSTed there, signed with the secret, in order, and retried for up to 24 h. Replaces an earlier webhook.")
    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    WebhookView register(
            @AuthenticationPrincipal Caller caller, @PathVariable String name, @Valid @RequestBody WebhookBody body) {
        return webhooks.register(caller, name, body, Instant.now());
    }

    @Operation(operationId = "getWebhook", summary = "Read the webhook", description = "Its URL, never its secret.")
    @GetMapping
    WebhookView read(@AuthenticationPrincipal Caller caller, @PathVariable String name) {
        return webhooks.read(caller, name);
    }

    @Operation(operationId = "removeWebhook", summary = "Remove the webhook", description = "Nothing more is POSTed.")
    @DeleteMapping
    WebhookView remove(@AuthenticationPrincipal Caller caller, @PathVariable String name) {
        return webhooks.remove(caller, name, Instant.now());
    }

    @Operation(
            operationId = "listWebhookDeliveries",
            summary = "Recent deliveries",
            description =
                    "The last 50 attempts, newest first: the event id and type, the attempt, the receiver's status and the outcome (DELIVERED, RETRYING, FAILED).")
    @GetMapping("/deliveries")
    List<DeliveryAttempt> deliveries(@AuthenticationPrincipal Caller caller, @PathVariable String name) {
        return webhooks.deliveries(caller, name);
    }
}
