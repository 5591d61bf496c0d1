package org.aidmatch.offer.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.aidmatch.contracts.events.AidEvent;
import org.aidmatch.contracts.events.CloseReason;
import org.aidmatch.contracts.events.OfferPosted;
import org.aidmatch.contracts.events.OfferWithdrawn;
import org.aidmatch.contracts.organisations.Role;
import org.aidmatch.contracts.regions.Regions;
import org.aidmatch.contracts.topics.Topics;
import org.aidmatch.offer.view.OfferState;
import org.aidmatch.offer.view.OfferStatus;
import org.aidmatch.offer.view.OfferView;
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
@RequestMapping(path = "/api/v1/offers", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Offers", description = "Offers that donors post, follow and withdraw")
class OfferController {

    private static final Comparator<OfferState> NEWEST_FIRST =
            Comparator.comparing(OfferState::createdAt).reversed().thenComparing(OfferState::id);

    private final EventPublisher publisher;
    private final OfferView view;
    private final ReadYourWrites reads;

    OfferController(EventPublisher publisher, OfferView view, TopicFollower follower) {
        this.publisher = publisher;
        this.view = view;
        this.reads = new ReadYourWrites(publisher, follower, ReadYourWrites.DEFAULT_WAIT);
    }

    /** Posts an offer; {@code Idempotency-Key} works as for requests. */
    @Operation(
            operationId = "postOffer",
            summary = "Post an offer",
            description =
                    "A supply type, a quantity and the area the donor can serve, as countries or UN M49 areas. The matcher pairs it with waiting requests at once. With an Idempotency-Key, a retry returns the same offer and posts nothing.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<OfferState> post(
            @AuthenticationPrincipal Caller caller,
            @Valid @RequestBody PostOfferBody body,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
        if (!caller.is(Role.DONOR)) {
            throw Problems.forbidden("Only organisations with the DONOR role may post offers.");
        }
        String id = IdempotencyKeys.idFor("offer", caller, idempotencyKey);
        OfferPosted posted = posting(caller, body, id);
        URI location = URI.create("/api/v1/offers/" + id);
        Optional<OfferState> earlier =
                reads.earlier(idempotencyKey, () -> view.find(id), found -> samePosting(found, posted), "offer");
        if (earlier.isPresent()) {
            return ResponseEntity.created(location).body(earlier.get());
        }
        publisher.publish(Topics.OFFERS, posted);
        return ResponseEntity.created(location).body(view.find(id).orElseGet(() -> OfferView.stateOf(posted)));
    }

    @Operation(
            operationId = "getOffer",
            summary = "Read an offer",
            description = "The offer, its status and its matches. Another organisation's offer is a 404.")
    @GetMapping("/{id}")
    OfferState get(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        return visible(id, caller);
    }

    /** Newest first; a donor sees its own offers, a coordinator sees all. {@code country} finds offers that can serve it. */
    @Operation(
            operationId = "listOffers",
            summary = "List offers",
            description =
                    "Newest first. An organisation sees its own; a coordinator sees all. country finds the offers whose area covers it.")
    @GetMapping
    PageOf<OfferState> list(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) OfferStatus status,
            @RequestParam(required = false) String supplyType,
            @RequestParam(required = false) String country,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageOf.DEFAULT_SIZE) int size) {
        reads.catchUp();
        String upperCountry = country == null ? null : country.toUpperCase(Locale.ROOT);
        return PageOf.of(
                view.all().stream()
                        .filter(state -> caller.mayActFor(state.organization()))
                        .filter(state -> status == null || state.status() == status)
                        .filter(state ->
                                supplyType == null || state.supplyType().equals(supplyType))
                        .filter(state -> upperCountry == null
                                || state.serviceArea().stream().anyMatch(code -> Regions.covers(code, upperCountry))),
                NEWEST_FIRST,
                page,
                size);
    }

    /** Withdraws the offer; its matches not yet dispatched end. */
    @Operation(
            operationId = "withdrawOffer",
            summary = "Withdraw an offer",
            description =
                    "Closes what is open and ends the offer's PROPOSED and ACCEPTED matches, whose requests are matched again at once; dispatched matches stand. A 409 when the offer has already closed.")
    @DeleteMapping("/{id}")
    OfferState withdraw(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        OfferState state = visible(id, caller);
        if (!caller.is(Role.COORDINATOR) && !caller.is(Role.DONOR)) {
            throw Problems.forbidden("Only the donor organisation or a coordinator may withdraw an offer.");
        }
        if (!withdrawable(state.status())) {
            throw Problems.conflict("Offer " + id + " is " + state.status() + ": nothing is left to withdraw.");
        }
        publisher.publish(
                Topics.OFFERS,
                new OfferWithdrawn(
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

    static OfferPosted posting(Caller caller, PostOfferBody body, String id) {
        List<String> serviceArea = body.serviceArea().stream()
                .map(code -> code.toUpperCase(Locale.ROOT))
                .distinct()
                .toList();
        return new OfferPosted(
                UUID.randomUUID().toString(),
                id,
                caller.organization(),
                body.supplyType(),
                body.quantity(),
                serviceArea,
                body.availableUntil(),
                body.note(),
                body.commitsInAdvance(),
                Instant.now(),
                AidEvent.CURRENT_SCHEMA_VERSION);
    }

    /** An offer this caller may see, once the view has caught up with this instance's writes. */
    private OfferState visible(String id, Caller caller) {
        reads.catchUp();
        // Another organisation's offer is reported as missing, so that its existence is not revealed.
        return view.find(id)
                .filter(state -> caller.mayActFor(state.organization()))
                .orElseThrow(() -> Problems.notFound("No offer " + id + " that you may see."));
    }

    /** Open, or with matches that withdrawing would still end (rule 5 of MatchingBook). */
    private static boolean withdrawable(OfferStatus status) {
        return status == OfferStatus.OPEN || status == OfferStatus.PARTIALLY_MATCHED || status == OfferStatus.MATCHED;
    }

    private static boolean samePosting(OfferState earlier, OfferPosted retry) {
        return earlier.supplyType().equals(retry.supplyType())
                && earlier.quantity() == retry.quantity()
                && earlier.serviceArea().equals(retry.serviceArea())
                && Objects.equals(earlier.availableUntil(), retry.availableUntil())
                && Objects.equals(earlier.note(), retry.note())
                && earlier.autoAccept() == retry.autoAccept();
    }
}
