package org.aidmatch.matcher.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.aidmatch.contracts.organisations.Organisation;
import org.aidmatch.contracts.organisations.OrganisationStatus;
import org.aidmatch.service.directory.Directory;
import org.aidmatch.service.onboarding.DecisionBody;
import org.aidmatch.service.onboarding.Onboarding;
import org.aidmatch.service.onboarding.OrganisationApplications;
import org.aidmatch.service.onboarding.OrganisationForm;
import org.aidmatch.service.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/**
 * The directory of organisations: asking to join, and the coordinators' decisions on it. The rules
 * of who may do what are {@link Onboarding}'s; suspending also withdraws what the organisation has
 * open, through {@link Suspensions}.
 */
@RestController
@RequestMapping(path = "/api/v1/organisations", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Organisations", description = "Joining AidMatch, and the coordinators' decisions on it")
class OrganisationsController {

    private final Onboarding onboarding;
    private final OrganisationApplications applications;
    private final Directory directory;
    private final Suspensions suspensions;

    OrganisationsController(
            Onboarding onboarding,
            OrganisationApplications applications,
            Directory directory,
            Suspensions suspensions) {
        this.onboarding = onboarding;
        this.applications = applications;
        this.directory = directory;
        this.suspensions = suspensions;
    }

    /** A suspension's outcome: the organisation, and what of it was withdrawn. */
    record SuspensionResult(Organisation organisation, int requestsWithdrawn, int offersWithdrawn) {}

    @Operation(
            operationId = "applyToJoin",
            summary = "Ask to join AidMatch",
            description =
                    "Open to anyone, without a key. The organisation waits as PENDING until a coordinator approves it. Limited per address (429), and paused (503) while too many applications wait.")
    @SecurityRequirements
    @PostMapping(path = "/applications", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Organisation> apply(@Valid @RequestBody OrganisationForm form, HttpServletRequest request) {
        applications.admit(request.getRemoteAddr(), directory);
        return created(onboarding.apply(form, Instant.now()));
    }

    @Operation(
            operationId = "registerOrganisation",
            summary = "Register an organisation",
            description = "Coordinators only: the organisation is ACTIVE at once, with the roles given.")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Organisation> register(
            @AuthenticationPrincipal Caller caller, @Valid @RequestBody OrganisationForm form) {
        return created(onboarding.register(caller, form, Instant.now()));
    }

    @Operation(
            operationId = "listOrganisations",
            summary = "List organisations",
            description = "Coordinators only: every organisation, or those in one status, by name.")
    @GetMapping
    List<Organisation> list(
            @AuthenticationPrincipal Caller caller, @RequestParam(required = false) OrganisationStatus status) {
        return onboarding.list(caller, status);
    }

    @Operation(
            operationId = "getOrganisation",
            summary = "One organisation",
            description = "The organisation itself, or a coordinator; with every decision taken on it.")
    @GetMapping("/{name}")
    Organisation read(@AuthenticationPrincipal Caller caller, @PathVariable String name) {
        return onboarding.read(caller, name);
    }

    @Operation(
            operationId = "approveOrganisation",
            summary = "Approve an application",
            description = "Coordinators only: PENDING becomes ACTIVE, with a note, and optionally other roles.")
    @PostMapping(path = "/{name}/approval", consumes = MediaType.APPLICATION_JSON_VALUE)
    Organisation approve(
            @AuthenticationPrincipal Caller caller, @PathVariable String name, @Valid @RequestBody DecisionBody body) {
        return onboarding.approve(caller, name, body, Instant.now());
    }

    @Operation(
            operationId = "rejectOrganisation",
            summary = "Reject an application",
            description = "Coordinators only: PENDING becomes REJECTED, with a note.")
    @PostMapping(path = "/{name}/rejection", consumes = MediaType.APPLICATION_JSON_VALUE)
    Organisation reject(
            @AuthenticationPrincipal Caller caller, @PathVariable String name, @Valid @RequestBody DecisionBody body) {
        return onboarding.reject(caller, name, body, Instant.now());
    }

    @Operation(
            operationId = "suspendOrganisation",
            summary = "Suspend an organisation",
            description =
                    "Coordinators only. Its keys stop working on every service within seconds, and its open requests and offers are withdrawn with reason SUSPENDED, so that what they held is matched again. Suspending again withdraws anything still open.")
    @PostMapping(path = "/{name}/suspension", consumes = MediaType.APPLICATION_JSON_VALUE)
    SuspensionResult suspend(
            @AuthenticationPrincipal Caller caller, @PathVariable String name, @Valid @RequestBody DecisionBody body) {
        Organisation suspended = onboarding.suspend(caller, name, body, Instant.now());
        Suspensions.Withdrawn withdrawn = suspensions.withdrawAll(suspended.name(), caller.organization());
        return new SuspensionResult(suspended, withdrawn.requests(), withdrawn.offers());
    }

    @Operation(
            operationId = "reinstateOrganisation",
            summary = "Reinstate an organisation",
            description = "Coordinators only: SUSPENDED becomes ACTIVE; its keys that were not revoked work again.")
    @PostMapping(path = "/{name}/reinstatement", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.OK)
    Organisation reinstate(
            @AuthenticationPrincipal Caller caller, @PathVariable String name, @Valid @RequestBody DecisionBody body) {
        return onboarding.reinstate(caller, name, body, Instant.now());
    }

    private static ResponseEntity<Organisation> created(Organisation organisation) {
        URI location = URI.create(
                "/api/v1/organisations/" + UriUtils.encodePathSegment(organisation.name(), StandardCharsets.UTF_8));
        return ResponseEntity.created(location).body(organisation);
    }
}
