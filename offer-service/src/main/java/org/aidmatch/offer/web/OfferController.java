package org.aidmatch.offer.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.aidmatch.contracts.events.AidEvent;
import org.aidmatch.contracts.events.OfferPosted;
import org.aidmatch.contracts.topics.Topics;
import org.aidmatch.offer.view.OfferState;
import org.aidmatch.offer.view.OfferView;
import org.aidmatch.service.kafka.EventPublisher;
import org.aidmatch.service.kafka.TopicFollower;
import org.aidmatch.service.security.Caller;
import org.aidmatch.service.security.Role;
import org.aidmatch.service.web.Problems;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/offers", produces = MediaType.APPLICATION_JSON_VALUE)
class OfferController {

    /** How long a read waits for this instance's view to catch up with this instance's writes. */
    private static final Duration READ_YOUR_WRITES = Duration.ofSeconds(3);

    private final EventPublisher publisher;
    private final OfferView view;
    private final TopicFollower follower;

    OfferController(EventPublisher publisher, OfferView view, TopicFollower follower) {
        this.publisher = publisher;
        this.view = view;
        this.follower = follower;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<OfferState> post(@AuthenticationPrincipal Caller caller, @Valid @RequestBody PostOfferBody body) {
        if (!caller.is(Role.DONOR)) {
            throw Problems.forbidden("Only organisations with the DONOR role may post offers.");
        }
        List<String> serviceArea = body.serviceArea().stream().map(code -> code.toUpperCase(Locale.ROOT)).distinct().toList();
        OfferPosted posted = new OfferPosted(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                caller.organization(), body.supplyType(), body.quantity(), serviceArea, body.availableUntil(),
                body.note(), Instant.now(), AidEvent.CURRENT_SCHEMA_VERSION);
        publisher.publish(Topics.OFFERS, posted);
        OfferState state = view.find(posted.offerId()).orElseGet(() -> OfferView.stateOf(posted));
        return ResponseEntity.created(URI.create("/api/v1/offers/" + posted.offerId())).body(state);
    }

    @GetMapping("/{id}")
    OfferState get(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        if (view.find(id).isEmpty()) {
            follower.awaitCaughtUp(publisher.lastWritten(), READ_YOUR_WRITES);
        }
        // Another organisation's offer is reported as missing, so that its existence is not revealed.
        return view.find(id)
                .filter(state -> caller.mayActFor(state.organization()))
                .orElseThrow(() -> Problems.notFound("No offer " + id + " that you may see."));
    }
}
