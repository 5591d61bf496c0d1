package org.aidmatch.matcher.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Instant;
import org.aidmatch.contracts.notifications.EmailPreferences;
import org.aidmatch.matcher.notifications.EmailBody;
import org.aidmatch.matcher.notifications.Webhooks;
import org.aidmatch.service.security.Caller;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What an organisation gets at its contact address (see README, Email). */
@RestController
@RequestMapping(path = "/api/v1/organisations/{name}/email", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Webhooks", description = "Where AidMatch POSTs what concerns an organisation")
class EmailPreferencesController {

    private final Webhooks webhooks;

    EmailPreferencesController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @Operation(
            operationId = "getEmailPreferences",
            summary = "What the organisation gets by email",
            description =
                    "The notification types sent to its contact address, and their language; until it chooses, proposals and re-matches, in English.")
    @GetMapping
    EmailPreferences read(@AuthenticationPrincipal Caller caller, @PathVariable String name) {
        return webhooks.emailPreferences(caller, name);
    }

    @Operation(
            operationId = "chooseEmailPreferences",
            summary = "Choose what the organisation gets by email",
            description =
                    "Notification types (match.proposed, match.rematched, match.accepted, match.declined, match.lapsed, match.cancelled, match.dispatched, match.overdue, match.received; none for no email) and a language (en or ar).")
    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    EmailPreferences choose(
            @AuthenticationPrincipal Caller caller, @PathVariable String name, @Valid @RequestBody EmailBody body) {
        return webhooks.chooseEmail(caller, name, body, Instant.now());
    }
}
