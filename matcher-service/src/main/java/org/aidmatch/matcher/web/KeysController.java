package org.aidmatch.matcher.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.aidmatch.service.onboarding.IssuedKey;
import org.aidmatch.service.onboarding.KeyBody;
import org.aidmatch.service.onboarding.KeyView;
import org.aidmatch.service.onboarding.Onboarding;
import org.aidmatch.service.security.Caller;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/**
 * An organisation's API keys, for coordinators and for the organisation's own admin keys. A key
 * is shown once, when issued; an organisation holds several at once, so a rotation issues the new
 * key, moves to it, then revokes the old one, and loses no request.
 */
@RestController
@RequestMapping(path = "/api/v1/organisations/{name}/keys", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Keys", description = "Issuing, listing and revoking an organisation's API keys")
class KeysController {

    private final Onboarding onboarding;

    KeysController(Onboarding onboarding) {
        this.onboarding = onboarding;
    }

    @Operation(
            operationId = "listKeys",
            summary = "List an organisation's keys",
            description = "By prefix, with when each was last used (to within a minute) and whether it is revoked.")
    @GetMapping
    List<KeyView> list(@AuthenticationPrincipal Caller caller, @PathVariable String name) {
        return onboarding.keys(caller, name);
    }

    @Operation(
            operationId = "issueKey",
            summary = "Issue a key",
            description =
                    "The answer holds the key itself, this once: only its digest is kept. An admin key may also issue and revoke its organisation's keys. Only an ACTIVE organisation is given keys.")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<IssuedKey> issue(
            @AuthenticationPrincipal Caller caller, @PathVariable String name, @Valid @RequestBody KeyBody body) {
        IssuedKey issued = onboarding.issueKey(caller, name, body, Instant.now());
        URI location = URI.create("/api/v1/organisations/" + UriUtils.encodePathSegment(name, StandardCharsets.UTF_8)
                + "/keys/" + issued.details().keyId());
        return ResponseEntity.created(location).body(issued);
    }

    @Operation(
            operationId = "revokeKey",
            summary = "Revoke a key",
            description = "It stops working on every service within seconds. Revoking it again changes nothing.")
    @DeleteMapping("/{keyId}")
    KeyView revoke(@AuthenticationPrincipal Caller caller, @PathVariable String name, @PathVariable String keyId) {
        return onboarding.revokeKey(caller, name, keyId, Instant.now());
    }
}
