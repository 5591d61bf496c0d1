package org.aidmatch.matcher.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.aidmatch.contracts.catalogue.SupplyCatalogue;
import org.aidmatch.contracts.catalogue.SupplyType;
import org.aidmatch.contracts.events.MatchMade;
import org.aidmatch.matcher.view.CoordinatorView;
import org.aidmatch.matcher.view.StreamPosition;
import org.aidmatch.service.kafka.TopicFollower;
import org.aidmatch.service.problem.Problems;
import org.aidmatch.service.security.Caller;
import org.aidmatch.service.security.Role;
import org.aidmatch.service.web.PageOf;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Matches as coordinators see them (all) and as organisations see them (those they are part of). */
@RestController
@RequestMapping("/api/v1/matches")
@Tag(name = "Matches", description = "What the matcher paired, and why")
class MatchesController {

    /** How long a read waits for a starting instance to load its view before it answers 503. */
    private static final Duration LOADING = Duration.ofSeconds(3);

    private final CoordinatorView view;
    private final TopicFollower follower;
    private final DecisionStreams streams;

    MatchesController(CoordinatorView view, TopicFollower follower, DecisionStreams streams) {
        this.view = view;
        this.follower = follower;
        this.streams = streams;
    }

    @Operation(
            operationId = "listMatches",
            summary = "List matches",
            description =
                    "Newest first, with the reason for each. Coordinators see all; others the matches they are part of.")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    PageOf<MatchMade> matches(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) String supplyType,
            @RequestParam(required = false) String country,
            @RequestParam(required = false) String organization,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant since,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageOf.DEFAULT_SIZE) int size) {
        PageOf.requireValid(page, size);
        CoordinatorView.MatchPage found =
                view.matches(matching(caller, supplyType, country, organization, since), page, size);
        return new PageOf<>(found.items(), page, size, found.total());
    }

    /**
     * Every new match and closing as Server-Sent Events ({@code match}, {@code closed}). Each event's
     * id is a stream position: reconnect with it in {@code Last-Event-ID}, to any instance, and the
     * stream resumes right after it. Each organisation may hold a few streams at once (429 beyond),
     * and an id that was never issued is a 400.
     */
    @Operation(
            operationId = "streamMatches",
            summary = "Follow matches live",
            description =
                    "Server-Sent Events: match and closed. Reconnect with Last-Event-ID, to any instance, to resume right after the last event seen.",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = "The event stream",
                            content =
                                    @Content(
                                            mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
                                            schema = @Schema(type = "string"))))
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(
            @AuthenticationPrincipal Caller caller,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        StreamPosition seen;
        try {
            seen = StreamPosition.parse(lastEventId);
        } catch (IllegalArgumentException e) {
            throw Problems.badRequest("Last-Event-ID is " + e.getMessage() + ".");
        }
        follower.awaitReadable(Map.of(), LOADING);
        return streams.open(caller, seen);
    }

    @Operation(
            operationId = "exportMatches",
            summary = "Export matches as CSV",
            description = "HXL-tagged CSV, UTF-8 with a byte-order mark, with the same filters as the list.",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = "The matches as CSV",
                            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string"))))
    @GetMapping(path = "/export.csv", produces = "text/csv")
    ResponseEntity<byte[]> export(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) String supplyType,
            @RequestParam(required = false) String country,
            @RequestParam(required = false) String organization,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant since) {
        HxlCsv csv = new HxlCsv(
                List.of(
                        "match_id",
                        "matched_at",
                        "supply_type",
                        "supply_name",
                        "quantity",
                        "country",
                        "requester",
                        "donor",
                        "matched_area",
                        "area_level",
                        "urgency",
                        "request_id",
                        "offer_id",
                        "explanation"),
                List.of(
                        "#meta+id",
                        "#date+matched",
                        "#item+code",
                        "#item+name",
                        "#quantity+matched",
                        "#country+code",
                        "#org+name+requester",
                        "#org+name+donor",
                        "#region+code+matched",
                        "#region+type",
                        "#severity",
                        "#activity+id+request",
                        "#activity+id+offer",
                        "#description"));
        view.forEachMatch(
                matching(caller, supplyType, country, organization, since),
                match -> csv.row(List.of(
                        match.matchId(),
                        match.occurredAt(),
                        match.supplyType(),
                        supplyName(match.supplyType()),
                        match.quantity(),
                        match.country(),
                        match.requesterOrganization(),
                        match.donorOrganization(),
                        match.matchedArea(),
                        match.reason().areaLevel(),
                        match.reason().urgency(),
                        match.requestId(),
                        match.offerId(),
                        match.reason().explanation())));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"aidmatch-matches.csv\"")
                .body(csv.bytes());
    }

    /** Which matches the caller may see and asked for; waits, bounded, for a starting view to load. */
    private Predicate<MatchMade> matching(
            Caller caller, String supplyType, String country, String organization, Instant since) {
        String upperCountry = country == null ? null : country.toUpperCase(Locale.ROOT);
        follower.awaitReadable(Map.of(), LOADING);
        return match -> (caller.is(Role.COORDINATOR)
                        || caller.organization().equals(match.requesterOrganization())
                        || caller.organization().equals(match.donorOrganization()))
                && (supplyType == null || match.supplyType().equals(supplyType))
                && (upperCountry == null || match.country().equals(upperCountry))
                && (organization == null
                        || organization.equals(match.requesterOrganization())
                        || organization.equals(match.donorOrganization()))
                && (since == null || !match.occurredAt().isBefore(since));
    }

    private static String supplyName(String code) {
        return SupplyCatalogue.standard().find(code).map(SupplyType::name).orElse(code);
    }
}
