package org.aidmatch.service.onboarding;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.aidmatch.contracts.organisations.ApiKey;
import org.aidmatch.contracts.organisations.Organisation;
import org.aidmatch.contracts.organisations.OrganisationDecision;
import org.aidmatch.contracts.organisations.OrganisationDecision.Step;
import org.aidmatch.contracts.organisations.OrganisationStatus;
import org.aidmatch.contracts.organisations.Role;
import org.aidmatch.contracts.topics.Topics;
import org.aidmatch.service.directory.Directory;
import org.aidmatch.service.directory.DirectoryFollower;
import org.aidmatch.service.kafka.EventPublisher;
import org.aidmatch.service.problem.Problems;
import org.aidmatch.service.security.ApiKeys;
import org.aidmatch.service.security.Caller;

/**
 * Joining AidMatch, and the keys that go with it. The rules, checked here for every caller:
 *
 * <ul>
 *   <li>Anyone may ask to join, as REQUESTER, DONOR or both; the application waits as PENDING.
 *   <li>Only coordinators list organisations, register one directly (ACTIVE at once, with any
 *       roles), approve or reject an application, suspend or reinstate an organisation.
 *   <li>An organisation reads its own record; a coordinator reads any.
 *   <li>Keys of an organisation are listed, issued and revoked by coordinators, and by the
 *       organisation's own admin keys (keys of the keys file count as admin keys). A key is issued
 *       only to an ACTIVE organisation.
 *   <li>A coordinator does not suspend its own organisation, which would lock it out.
 * </ul>
 *
 * <p>Each change is written over the record as this instance's directory holds it, once the
 * directory has read this instance's own writes; two coordinators deciding on one organisation at
 * the same moment on two instances both succeed, and the later write stands.
 */
public final class Onboarding {

    private static final Duration READ_WAIT = Duration.ofSeconds(3);

    private final EventPublisher publisher;
    private final Directory directory;
    private final DirectoryFollower follower;
    private final ApiKeys file;

    public Onboarding(EventPublisher publisher, Directory directory, DirectoryFollower follower, ApiKeys file) {
        this.publisher = publisher;
        this.directory = directory;
        this.follower = follower;
        this.file = file;
    }

    /** Anyone: asks to join; the organisation waits as PENDING. */
    public Organisation apply(OrganisationForm form, Instant now) {
        if (form.roles().contains(Role.COORDINATOR)) {
            throw Problems.badRequest(
                    "An organisation asks to join as REQUESTER, DONOR or both; a coordinator" + " grants COORDINATOR.");
        }
        String name = clean(form.name());
        catchUp();
        refuseTaken(name, false);
        Organisation applied = first(
                form,
                name,
                OrganisationStatus.PENDING,
                null,
                null,
                new OrganisationDecision(Step.APPLIED, null, now, blankToNull(form.note())));
        return write(applied);
    }

    /** Coordinators: registers an organisation, ACTIVE at once. */
    public Organisation register(Caller actor, OrganisationForm form, Instant now) {
        coordinatorOnly(actor, "register an organisation");
        String name = clean(form.name());
        catchUp();
        refuseTaken(name, true);
        OrganisationDecision decision =
                new OrganisationDecision(Step.REGISTERED, actor.organization(), now, blankToNull(form.note()));
        return write(first(form, name, OrganisationStatus.ACTIVE, actor.organization(), now, decision));
    }

    /** Coordinators: every organisation, or those in one status. */
    public List<Organisation> list(Caller actor, OrganisationStatus status) {
        coordinatorOnly(actor, "list organisations");
        catchUp();
        return directory.organisations(status);
    }

    /** The organisation itself, or a coordinator. */
    public Organisation read(Caller actor, String name) {
        if (!actor.mayActFor(name)) {
            throw Problems.notFound("No organisation " + name + " that you may see.");
        }
        catchUp();
        return existing(name);
    }

    public Organisation approve(Caller actor, String name, DecisionBody body, Instant now) {
        coordinatorOnly(actor, "approve an organisation");
        Organisation organisation = inStatus(name, "approved", OrganisationStatus.PENDING);
        Set<Role> roles = body.roles() == null || body.roles().isEmpty() ? organisation.roles() : body.roles();
        return write(organisation.after(decision(Step.APPROVED, actor, now, body), OrganisationStatus.ACTIVE, roles));
    }

    public Organisation reject(Caller actor, String name, DecisionBody body, Instant now) {
        coordinatorOnly(actor, "reject an application");
        Organisation organisation = inStatus(name, "rejected", OrganisationStatus.PENDING);
        return write(organisation.after(
                decision(Step.REJECTED, actor, now, body), OrganisationStatus.REJECTED, organisation.roles()));
    }

    /**
     * Suspends an ACTIVE organisation. Suspending one that is already SUSPENDED writes nothing and
     * returns it, so that the caller may withdraw again what a first attempt left open.
     */
    public Organisation suspend(Caller actor, String name, DecisionBody body, Instant now) {
        coordinatorOnly(actor, "suspend an organisation");
        if (actor.organization().equals(name)) {
            throw Problems.conflict("A coordinator does not suspend its own organisation: it would lock itself out.");
        }
        Organisation organisation =
                inStatus(name, "suspended", OrganisationStatus.ACTIVE, OrganisationStatus.SUSPENDED);
        if (organisation.status() == OrganisationStatus.SUSPENDED) {
            return organisation;
        }
        return write(organisation.after(
                decision(Step.SUSPENDED, actor, now, body), OrganisationStatus.SUSPENDED, organisation.roles()));
    }

    public Organisation reinstate(Caller actor, String name, DecisionBody body, Instant now) {
        coordinatorOnly(actor, "reinstate an organisation");
        Organisation organisation = inStatus(name, "reinstated", OrganisationStatus.SUSPENDED);
        return write(organisation.after(
                decision(Step.REINSTATED, actor, now, body), OrganisationStatus.ACTIVE, organisation.roles()));
    }

    public List<KeyView> keys(Caller actor, String organisation) {
        keyManager(actor, organisation);
        catchUp();
        return directory.keysOf(organisation).stream()
                .map(key -> KeyView.of(key, directory))
                .toList();
    }

    public IssuedKey issueKey(Caller actor, String organisation, KeyBody body, Instant now) {
        keyManager(actor, organisation);
        inStatus(organisation, "given a key", OrganisationStatus.ACTIVE);
        NewKey made = NewKey.generate();
        ApiKey key = new ApiKey(
                made.keyId(),
                organisation,
                made.digest(),
                made.prefix(),
                blankToNull(body.label()),
                body.isAdmin(),
                actor.organization(),
                now,
                null,
                null,
                now,
                ApiKey.CURRENT_SCHEMA_VERSION);
        publisher.publish(Topics.API_KEYS, key);
        catchUp();
        return new IssuedKey(made.key(), KeyView.of(key, directory));
    }

    /** Revokes a key; revoking one already revoked changes nothing. */
    public KeyView revokeKey(Caller actor, String organisation, String keyId, Instant now) {
        keyManager(actor, organisation);
        catchUp();
        ApiKey key = directory
                .key(keyId)
                .filter(found -> found.organisation().equals(organisation))
                .orElseThrow(() -> Problems.notFound("No key " + keyId + " of " + organisation + "."));
        if (!key.isRevoked()) {
            publisher.publish(Topics.API_KEYS, key.revoked(actor.organization(), now));
            catchUp();
        }
        return KeyView.of(directory.key(keyId).orElseThrow(), directory);
    }

    private Organisation first(
            OrganisationForm form,
            String name,
            OrganisationStatus status,
            String approvedBy,
            Instant approvedAt,
            OrganisationDecision decision) {
        return new Organisation(
                name,
                form.country().toUpperCase(Locale.ROOT),
                form.type(),
                form.contactEmail().strip(),
                EnumSet.copyOf(form.roles()),
                status,
                approvedBy,
                approvedAt,
                List.of(decision),
                1,
                decision.at(),
                Organisation.CURRENT_SCHEMA_VERSION);
    }

    private Organisation write(Organisation organisation) {
        publisher.publish(Topics.ORGANISATIONS, organisation);
        catchUp();
        return directory.organisation(organisation.name()).orElse(organisation);
    }

    private void catchUp() {
        follower.awaitReadable(publisher.lastWritten(), READ_WAIT);
    }

    private Organisation existing(String name) {
        return directory.organisation(name).orElseThrow(() -> Problems.notFound("No organisation " + name + "."));
    }

    private Organisation inStatus(String name, String what, OrganisationStatus... allowed) {
        catchUp();
        Organisation organisation = existing(name);
        for (OrganisationStatus status : allowed) {
            if (organisation.status() == status) {
                return organisation;
            }
        }
        throw Problems.conflict(name + " is " + organisation.status() + ", so it cannot be " + what + ".");
    }

    /**
     * A new organisation's name must differ, but for case and spacing, from every one in the
     * directory and the keys file; a coordinator may register a name of the keys file, which brings
     * that organisation into the directory.
     */
    private void refuseTaken(String name, boolean adoptingFromFile) {
        directory.sameNameAs(name).ifPresent(taken -> {
            throw Problems.conflict("An organisation named " + taken.name() + " is already " + taken.status() + ".");
        });
        if (!adoptingFromFile) {
            String wanted = Directory.normalised(name);
            for (String known : file.organisations()) {
                if (Directory.normalised(known).equals(wanted)) {
                    throw Problems.conflict("An organisation named " + known + " already takes part.");
                }
            }
        }
    }

    private static void coordinatorOnly(Caller actor, String what) {
        if (!actor.is(Role.COORDINATOR)) {
            throw Problems.forbidden("Only a coordinator may " + what + ".");
        }
    }

    private static void keyManager(Caller actor, String organisation) {
        if (!actor.mayManageKeysOf(organisation)) {
            throw Problems.forbidden("Only a coordinator, or an admin key of " + organisation + ", manages its keys.");
        }
    }

    private static OrganisationDecision decision(Step step, Caller actor, Instant now, DecisionBody body) {
        return new OrganisationDecision(step, actor.organization(), now, blankToNull(body.note()));
    }

    private static String clean(String name) {
        return name.strip().replaceAll("\\s+", " ");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
