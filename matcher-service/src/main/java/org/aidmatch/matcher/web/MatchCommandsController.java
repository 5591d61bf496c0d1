package org.aidmatch.matcher.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.aidmatch.contracts.commands.AcceptMatch;
import org.aidmatch.contracts.commands.CancelMatch;
import org.aidmatch.contracts.commands.ConfirmReceipt;
import org.aidmatch.contracts.commands.DeclineMatch;
import org.aidmatch.contracts.commands.DispatchMatch;
import org.aidmatch.contracts.commands.MatchCommand;
import org.aidmatch.contracts.events.Actor;
import org.aidmatch.contracts.events.AidEvent;
import org.aidmatch.contracts.events.MatchStatus;
import org.aidmatch.contracts.events.Party;
import org.aidmatch.contracts.organisations.Role;
import org.aidmatch.contracts.topics.Topics;
import org.aidmatch.matcher.view.CoordinatorView;
import org.aidmatch.matcher.view.CoordinatorView.CommandOutcome;
import org.aidmatch.service.kafka.EventPublisher;
import org.aidmatch.service.kafka.TopicFollower;
import org.aidmatch.service.matches.MatchDetails;
import org.aidmatch.service.problem.Problems;
import org.aidmatch.service.security.Caller;
import org.aidmatch.service.web.IdempotencyKeys;
import org.aidmatch.service.web.ReadYourWrites;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The commands that carry a match from proposal to delivery. Each is written to
 * {@code aid.match-commands.v1} and decided by the matcher, by the rules of {@code MatchingBook};
 * the answer waits, bounded, for that decision: 200 with the match as it now stands, 409 when the
 * matcher refused (with the match's status), or 202 when the decision has not come back in time.
 */
@RestController
@RequestMapping(path = "/api/v1/matches/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Matches", description = "What the matcher paired, why, and how far each match got")
class MatchCommandsController {

    private final CoordinatorView view;
    private final TopicFollower follower;
    private final EventPublisher publisher;
    private final ReadYourWrites reads;

    MatchCommandsController(CoordinatorView view, TopicFollower follower, EventPublisher publisher) {
        this.view = view;
        this.follower = follower;
        this.publisher = publisher;
        this.reads = new ReadYourWrites(publisher, follower, ReadYourWrites.DEFAULT_WAIT);
    }

    @Operation(
            operationId = "acceptMatch",
            summary = "Accept a proposed match",
            description = "The donor, or a coordinator, commits to a PROPOSED match.")
    @PostMapping("/accept")
    ResponseEntity<MatchDetails> accept(
            @AuthenticationPrincipal Caller caller,
            @PathVariable String id,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
        MatchDetails match = visible(id, caller);
        Actor actor = actor(caller, match, "accept", Party.DONOR, Party.COORDINATOR);
        return decide(
                match,
                caller,
                "accept",
                idempotencyKey,
                commandId -> new AcceptMatch(
                        commandId, id, match.supplyType(), actor, Instant.now(), AidEvent.CURRENT_SCHEMA_VERSION));
    }

    @Operation(
            operationId = "declineMatch",
            summary = "Decline a match",
            description =
                    "The donor declines a PROPOSED match, or the requester a PROPOSED or ACCEPTED one, with a reason. What it held goes back to the book, or closes, as the reason says, and is matched again at once.")
    @PostMapping(path = "/decline", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<MatchDetails> decline(
            @AuthenticationPrincipal Caller caller,
            @PathVariable String id,
            @Valid @RequestBody MatchCommandBodies.Decline body,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
        MatchDetails match = visible(id, caller);
        boolean asDonor = isDonor(caller, match) && (body.reason().donorMayGive() || !isRequester(caller, match));
        Actor actor = asDonor
                ? actor(caller, match, "decline", Party.DONOR)
                : actor(caller, match, "decline", Party.REQUESTER);
        boolean allowed = asDonor ? body.reason().donorMayGive() : body.reason().requesterMayGive();
        if (!allowed) {
            throw Problems.badRequest(
                    "A " + actor.party().name().toLowerCase() + " does not decline for " + body.reason() + ".");
        }
        return decide(
                match,
                caller,
                "decline",
                idempotencyKey,
                commandId -> new DeclineMatch(
                        commandId,
                        id,
                        match.supplyType(),
                        actor,
                        body.reason(),
                        body.note(),
                        Instant.now(),
                        AidEvent.CURRENT_SCHEMA_VERSION));
    }

    @Operation(
            operationId = "cancelMatch",
            summary = "Cancel a match before dispatch",
            description =
                    "The donor cancels an ACCEPTED match with a donor's reason, or a coordinator cancels a PROPOSED or ACCEPTED one. What it held is matched again at once.")
    @PostMapping(path = "/cancel", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<MatchDetails> cancel(
            @AuthenticationPrincipal Caller caller,
            @PathVariable String id,
            @Valid @RequestBody MatchCommandBodies.Cancel body,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
        MatchDetails match = visible(id, caller);
        Actor actor = actor(caller, match, "cancel", Party.DONOR, Party.COORDINATOR);
        boolean allowed = actor.party() == Party.COORDINATOR
                ? body.reason().donorMayGive() || body.reason().requesterMayGive()
                : body.reason().donorMayGive();
        if (!allowed) {
            throw Problems.badRequest(
                    "A " + actor.party().name().toLowerCase() + " does not cancel for " + body.reason() + ".");
        }
        return decide(
                match,
                caller,
                "cancel",
                idempotencyKey,
                commandId -> new CancelMatch(
                        commandId,
                        id,
                        match.supplyType(),
                        actor,
                        body.reason(),
                        body.note(),
                        Instant.now(),
                        AidEvent.CURRENT_SCHEMA_VERSION));
    }

    @Operation(
            operationId = "dispatchMatch",
            summary = "Mark an accepted match dispatched",
            description =
                    "Once, by the donor or a coordinator, with the quantity shipped (at most the matched quantity) and an optional shipment reference and expected arrival. What was not shipped goes back to the request.")
    @PostMapping(path = "/dispatch", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<MatchDetails> dispatch(
            @AuthenticationPrincipal Caller caller,
            @PathVariable String id,
            @Valid @RequestBody MatchCommandBodies.Dispatch body,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
        MatchDetails match = visible(id, caller);
        Actor actor = actor(caller, match, "dispatch", Party.DONOR, Party.COORDINATOR);
        if (body.quantity() > match.quantity()) {
            throw Problems.badRequest(
                    "Shipped " + body.quantity() + " is more than the " + match.quantity() + " matched.");
        }
        return decide(
                match,
                caller,
                "dispatch",
                idempotencyKey,
                commandId -> new DispatchMatch(
                        commandId,
                        id,
                        match.supplyType(),
                        actor,
                        body.quantity(),
                        body.shipmentReference(),
                        body.expectedArrival(),
                        Instant.now(),
                        AidEvent.CURRENT_SCHEMA_VERSION));
    }

    @Operation(
            operationId = "confirmReceipt",
            summary = "Confirm receipt of a dispatched match",
            description =
                    "By the requester or a coordinator, with the quantity received in good condition (at most what was shipped) and an optional note on damage or shortage. The shortfall goes back to the request and is matched again at once.")
    @PostMapping(path = "/receipt", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<MatchDetails> receipt(
            @AuthenticationPrincipal Caller caller,
            @PathVariable String id,
            @Valid @RequestBody MatchCommandBodies.Receipt body,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
        MatchDetails match = visible(id, caller);
        Actor actor = actor(caller, match, "confirm receipt of", Party.REQUESTER, Party.COORDINATOR);
        boolean shipped = match.status() == MatchStatus.DISPATCHED || match.status() == MatchStatus.OVERDUE;
        if (shipped && body.receivedQuantity() > match.shippedQuantity()) {
            throw Problems.badRequest("Received " + body.receivedQuantity() + " is more than the "
                    + match.shippedQuantity() + " shipped.");
        }
        return decide(
                match,
                caller,
                "receipt",
                idempotencyKey,
                commandId -> new ConfirmReceipt(
                        commandId,
                        id,
                        match.supplyType(),
                        actor,
                        body.receivedQuantity(),
                        body.note(),
                        Instant.now(),
                        AidEvent.CURRENT_SCHEMA_VERSION));
    }

    /**
     * Writes the command (unless a retry with the same key finds it decided), then waits for the
     * matcher's decision on it.
     */
    private ResponseEntity<MatchDetails> decide(
            MatchDetails match,
            Caller caller,
            String action,
            String idempotencyKey,
            Function<String, MatchCommand> command) {
        String commandId = commandId(caller, match.matchId(), action, idempotencyKey);
        Optional<CommandOutcome> earlier = idempotencyKey == null ? Optional.empty() : decided(commandId, match);
        if (earlier.isEmpty()) {
            publisher.publish(Topics.MATCH_COMMANDS, command.apply(commandId));
        }
        Optional<CommandOutcome> outcome =
                earlier.isPresent() ? earlier : reads.awaitReply(() -> view.outcome(commandId));
        URI location = URI.create("/api/v1/matches/" + match.matchId());
        if (outcome.isEmpty()) {
            // On the log and to be decided; the caller reads the match to see what came of it.
            return ResponseEntity.status(HttpStatus.ACCEPTED).location(location).body(match);
        }
        if (outcome.get().refused()) {
            throw refused(match.matchId(), outcome.get());
        }
        return ResponseEntity.ok()
                .location(location)
                .body(view.match(match.matchId()).orElse(match));
    }

    /** A retry's earlier outcome: from the recent outcomes, or from the match's own history. */
    private Optional<CommandOutcome> decided(String commandId, MatchDetails match) {
        Optional<CommandOutcome> recent = view.outcome(commandId);
        if (recent.isPresent()) {
            return recent;
        }
        boolean inHistory = match.history().stream().anyMatch(step -> commandId.equals(step.commandId()));
        return inHistory ? Optional.of(new CommandOutcome(commandId, match.matchId(), null, null)) : Optional.empty();
    }

    private static ErrorResponseException refused(String matchId, CommandOutcome outcome) {
        ErrorResponseException conflict = Problems.conflict("The matcher refused: " + outcome.refusal() + ".");
        conflict.getBody().setProperty("matchId", matchId);
        conflict.getBody()
                .setProperty("matchStatus", outcome.refusedStatus() == null ? "ENDED" : outcome.refusedStatus());
        return conflict;
    }

    /** With a key, the same key names the same command on the same match, on any instance. */
    private static String commandId(Caller caller, String matchId, String action, String idempotencyKey) {
        if (idempotencyKey == null) {
            return UUID.randomUUID().toString();
        }
        IdempotencyKeys.idFor("command", caller, idempotencyKey); // refuses a blank or overlong key
        return UUID.nameUUIDFromBytes((action + "\n" + matchId + "\n" + caller.organization() + "\n" + idempotencyKey)
                        .getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /**
     * The capacity in which the caller acts: a coordinator as coordinator where allowed, else the
     * first allowed party it is on this match. A party to the match who may not do this is a 403.
     */
    private static Actor actor(Caller caller, MatchDetails match, String verb, Party... allowed) {
        for (Party party : allowed) {
            boolean is = switch (party) {
                case COORDINATOR -> caller.is(Role.COORDINATOR);
                case DONOR -> isDonor(caller, match);
                case REQUESTER -> isRequester(caller, match);
                case MATCHER -> false;
            };
            if (is) {
                return new Actor(caller.organization(), party);
            }
        }
        throw Problems.forbidden("Only the " + describe(allowed) + " may " + verb + " this match.");
    }

    private static String describe(Party... parties) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < parties.length; i++) {
            text.append(i == 0 ? "" : i == parties.length - 1 ? " or " : ", ")
                    .append(
                            parties[i] == Party.COORDINATOR
                                    ? "a coordinator"
                                    : parties[i].name().toLowerCase());
        }
        return text.toString();
    }

    private static boolean isDonor(Caller caller, MatchDetails match) {
        return caller.is(Role.DONOR) && caller.organization().equals(match.donorOrganization());
    }

    private static boolean isRequester(Caller caller, MatchDetails match) {
        return caller.is(Role.REQUESTER) && caller.organization().equals(match.requesterOrganization());
    }

    /** A match the caller is part of, or any for a coordinator; anyone else learns nothing of it. */
    private MatchDetails visible(String id, Caller caller) {
        follower.awaitReadable(Map.of(), ReadYourWrites.DEFAULT_WAIT);
        return view.match(id)
                .filter(match -> MatchesController.maySee(caller, match))
                .orElseThrow(() -> Problems.notFound("No match " + id + " that you may see."));
    }
}
