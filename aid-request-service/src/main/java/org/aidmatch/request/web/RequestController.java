package org.aidmatch.request.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.aidmatch.contracts.events.AidEvent;
import org.aidmatch.contracts.events.CloseReason;
import org.aidmatch.contracts.events.RequestCancelled;
import org.aidmatch.contracts.events.RequestPosted;
import org.aidmatch.contracts.events.Urgency;
import org.aidmatch.contracts.organisations.Role;
import org.aidmatch.contracts.topics.Topics;
import org.aidmatch.request.view.RequestState;
import org.aidmatch.request.view.RequestStatus;
import org.aidmatch.request.view.RequestView;
import org.aidmatch.service.kafka.EventPublisher;
import org.aidmatch.service.kafka.TopicFollower;
import org.aidmatch.service.problem.Problems;
import org.aidmatch.service.security.Caller;
import org.aidmatch.service.web.IdempotencyKeys;
import org.aidmatch.service.web.PageOf;
import org.aidmatch.service.web.ReadYourWrites;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/requests", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Requests", description = "Needs that requesting organisations post, follow and cancel")
class RequestController {

    private static final Comparator<RequestState> NEWEST_FIRST =
            Comparator.comparing(RequestState::createdAt).reversed().thenComparing(RequestState::id);

    private final EventPublisher publisher;
    private final RequestView view;
    private final ReadYourWrites reads;

    RequestController(EventPublisher publisher, RequestView view, TopicFollower follower) {
        this.publisher = publisher;
        this.view = view;
        this.reads = new ReadYourWrites(publisher, follower, ReadYourWrites.DEFAULT_WAIT);
    }

    /**
     * Posts a need. With an {@code Idempotency-Key}, the request id is derived from the organisation
     * and the key, so a retry finds the request already posted and publishes nothing; and even two
     * retries racing on two instances produce one id, which the matcher and the views count once.
     */
    @Operation(
            operationId = "postRequest",
            summary = "Post a need",
            description =
                    "A supply type, a quantity, a country, an urgency and a needed-by date. The matcher pairs it with offers at once. With an Idempotency-Key, a retry returns the same request and posts nothing.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RequestState> post(
            @AuthenticationPrincipal Caller caller,
            @Valid @RequestBody PostRequestBody body,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
        requireRole(caller, Role.REQUESTER);
        String id = IdempotencyKeys.idFor("request", caller, idempotencyKey);
        RequestPosted posted = posting(caller, body, id);
        URI location = URI.create("/api/v1/requests/" + id);
        Optional<RequestState> earlier =
                reads.earlier(idempotencyKey, () -> view.find(id), found -> samePosting(found, posted), "request");
        if (earlier.isPresent()) {
            return ResponseEntity.created(location).body(earlier.get());
        }
        publisher.publish(Topics.REQUESTS, posted);
        RequestState state = view.find(id).orElseGet(() -> RequestView.stateOf(posted));
        return ResponseEntity.created(location).body(state);
    }

    static RequestPosted posting(Caller caller, PostRequestBody body, String id) {
        return new RequestPosted(
                UUID.randomUUID().toString(),
                id,
                caller.organization(),
                body.supplyType(),
                body.quantity(),
                body.country().toUpperCase(Locale.ROOT),
                body.urgency() == null ? Urgency.NORMAL : body.urgency(),
                body.neededBy(),
                body.note(),
                Instant.now(),
                AidEvent.CURRENT_SCHEMA_VERSION);
    }

    @Operation(
            operationId = "getRequest",
            summary = "Read a request",
            description = "The request, its status and its matches. Another organisation's request is a 404.")
    @GetMapping("/{id}")
    RequestState get(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        return visible(id, caller);
    }

    /** Newest first; an organisation sees its own requests, a coordinator sees all. */
    @Operation(
            operationId = "listRequests",
            summary = "List requests",
            description = "Newest first. An organisation sees its own; a coordinator sees all.")
    @GetMapping
    PageOf<RequestState> list(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) RequestStatus status,
            @RequestParam(required = false) String supplyType,
            @RequestParam(required = false) String country,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageOf.DEFAULT_SIZE) int size) {
        reads.catchUp();
        return PageOf.of(
                view.all().stream()
                        .filter(state -> caller.mayActFor(state.organization()))
                        .filter(state -> status == null || state.status() == status)
                        .filter(state ->
                                supplyType == null || state.supplyType().equals(supplyType))
                        .filter(state -> country == null || state.country().equalsIgnoreCase(country)),
                NEWEST_FIRST,
                page,
                size);
    }

    /** Cancels the request; its matches not yet dispatched end. */
    @Operation(
            operationId = "cancelRequest",
            summary = "Cancel a request",
            description =
                    "Closes what is open and ends the request's PROPOSED and ACCEPTED matches, whose donors' quantity is matched again at once; dispatched matches stand. A 409 when the request has already closed.")
    @DeleteMapping("/{id}")
    RequestState cancel(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        RequestState state = visible(id, caller);
        if (!caller.is(Role.COORDINATOR) && !caller.is(Role.REQUESTER)) {
            throw Problems.forbidden("Only the requesting organisation or a coordinator may cancel a request.");
        }
        if (state.status() != RequestStatus.OPEN
                && state.status() != RequestStatus.PARTIALLY_MATCHED
                && state.status() != RequestStatus.MATCHED) {
            throw Problems.conflict("Request " + id + " is " + state.status() + ": nothing is left to cancel.");
        }
        publisher.publish(
                Topics.REQUESTS,
                new RequestCancelled(
                        UUID.randomUUID().toString(),
                        id,
                        state.organization(),
                        state.supplyType(),
                        caller.organization(),
                        CloseReason.CANCELLED,
                        Instant.now(),
                        AidEvent.CURRENT_SCHEMA_VERSION));
        return visible(id, caller);
    }

    /** A request this caller may see, once the view has caught up with this instance's writes. */
    private RequestState visible(String id, Caller caller) {
        reads.catchUp();
        return view.find(id)
                .filter(state -> caller.mayActFor(state.organization()))
                .orElseThrow(() -> notFound(id));
    }

    private static boolean samePosting(RequestState earlier, RequestPosted retry) {
        return earlier.supplyType().equals(retry.supplyType())
                && earlier.quantity() == retry.quantity()
                && earlier.country().equals(retry.country())
                && earlier.urgency() == retry.urgency()
                && Objects.equals(earlier.neededBy(), retry.neededBy())
                && Objects.equals(earlier.note(), retry.note());
    }

    static void requireRole(Caller caller, Role role) {
        if (!caller.is(role)) {
            throw Problems.forbidden("Only organisations with the " + role + " role may do this.");
        }
    }

    private static ErrorResponseException notFound(String id) {
        // Another organisation's request is reported as missing, so that its existence is not revealed.
        return Problems.notFound("No request " + id + " that you may see.");
    }
}
