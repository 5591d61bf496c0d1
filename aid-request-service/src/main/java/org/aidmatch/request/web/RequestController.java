package org.aidmatch.request.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.aidmatch.contracts.events.AidEvent;
import org.aidmatch.contracts.events.RequestPosted;
import org.aidmatch.contracts.events.Urgency;
import org.aidmatch.contracts.topics.Topics;
import org.aidmatch.request.view.RequestState;
import org.aidmatch.request.view.RequestView;
import org.aidmatch.service.kafka.EventPublisher;
import org.aidmatch.service.kafka.TopicFollower;
import org.aidmatch.service.security.Caller;
import org.aidmatch.service.security.Role;
import org.aidmatch.service.web.Problems;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/requests", produces = MediaType.APPLICATION_JSON_VALUE)
class RequestController {

    /** How long a read waits for this instance's view to catch up with this instance's writes. */
    private static final Duration READ_YOUR_WRITES = Duration.ofSeconds(3);

    private final EventPublisher publisher;
    private final RequestView view;
    private final TopicFollower follower;

    RequestController(EventPublisher publisher, RequestView view, TopicFollower follower) {
        this.publisher = publisher;
        this.view = view;
        this.follower = follower;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RequestState> post(@AuthenticationPrincipal Caller caller, @Valid @RequestBody PostRequestBody body) {
        requireRole(caller, Role.REQUESTER);
        RequestPosted posted = new RequestPosted(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                caller.organization(), body.supplyType(), body.quantity(), body.country().toUpperCase(Locale.ROOT),
                body.urgency() == null ? Urgency.NORMAL : body.urgency(), body.neededBy(), body.note(),
                Instant.now(), AidEvent.CURRENT_SCHEMA_VERSION);
        publisher.publish(Topics.REQUESTS, posted);
        RequestState state = view.find(posted.requestId()).orElseGet(() -> RequestView.stateOf(posted));
        return ResponseEntity.created(URI.create("/api/v1/requests/" + posted.requestId())).body(state);
    }

    @GetMapping("/{id}")
    RequestState get(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        return awaitOwn(id, caller);
    }

    /** Reads a request this caller may see, first letting the view catch up with this instance's writes. */
    private RequestState awaitOwn(String id, Caller caller) {
        if (view.find(id).isEmpty()) {
            follower.awaitCaughtUp(publisher.lastWritten(), READ_YOUR_WRITES);
        }
        return view.find(id)
                .filter(state -> caller.mayActFor(state.organization()))
                .orElseThrow(() -> notFound(id));
    }

    private static void requireRole(Caller caller, Role role) {
        if (!caller.is(role)) {
            throw Problems.forbidden("Only organisations with the " + role + " role may do this.");
        }
    }

    private static ErrorResponseException notFound(String id) {
        // Another organisation's request is reported as missing, so that its existence is not revealed.
        return Problems.notFound("No request " + id + " that you may see.");
    }
}
