package org.aidmatch.matcher.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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
import org.aidmatch.contracts.events.MatchStatus;
import org.aidmatch.contracts.organisations.Role;
import org.aidmatch.matcher.view.CoordinatorView;
import org.aidmatch.matcher.view.StreamPosition;
import org.aidmatch.service.catalogue.LiveCatalogue;
import org.aidmatch.service.kafka.TopicFollower;
import org.aidmatch.service.matches.MatchDetails;
import org.aidmatch.service.problem.Problems;
import org.aidmatch.service.security.Caller;
import org.aidmatch.service.web.PageOf;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Matches as coordinators see them (all) and as organisations see them (those they are part of). */
@RestController
@RequestMapping("/api/v1/matches")
@Tag(name = "Matches", description = "What the matcher paired, why, and how far each match got")
class MatchesController {

    private static final Duration DEFAULT_DUE_WITHIN = Duration.ofHours(12);

    /** How long a read waits for a starting instance to load its view before it answers 503. */
    private static final Duration LOADING = Duration.ofSeconds(3);

    private final CoordinatorView view;
    private final TopicFollower follower;
    private final LiveCatalogue catalogue;
    private final DecisionStreams streams;

    MatchesController(CoordinatorView view, TopicFollower follower, DecisionStreams streams, LiveCatalogue catalogue) {
        this.catalogue = catalogue;
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
    PageOf<MatchDetails> matches(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) MatchStatus status,
            @RequestParam(required = false) String supplyType,
            @RequestParam(required = false) String country,
            @RequestParam(required = false) String organization,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant since,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageOf.DEFAULT_SIZE) int size) {
        PageOf.requireValid(page, size);
        CoordinatorView.MatchPage found =
                view.matches(matching(caller, status, supplyType, country, organization, since), page, size);
        return new PageOf<>(found.items(), page, size, found.total());
    }

    @Operation(
            operationId = "getMatch",
            summary = "Read a match",
            description =
                    "The match, its status and its history: who did what, when and why. A match the caller is not part of is a 404.")
    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    MatchDetails match(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        follower.awaitReadable(Map.of(), LOADING);
        return view.match(id)
                .filter(match -> maySee(caller, match))
                .orElseThrow(() -> Problems.notFound("No match " + id + " that you may see."));
    }

    @Operation(
            operationId = "listStalledMatches",
            summary = "List stalled matches",
            description =
                    "What needs following up: proposals whose answer is due within dueWithin (12 hours unless given), and dispatched matches overdue for receipt. The most pressing first. Coordinators see all; others the matches they are part of.")
    @GetMapping(path = "/stalled", produces = MediaType.APPLICATION_JSON_VALUE)
    List<MatchDetails> stalled(
            @AuthenticationPrincipal Caller caller,
            // springdoc would print a Duration default as seconds, which is not a valid value here
            @Parameter(
                            description = "An ISO-8601 duration, from PT0S to P30D; PT12H unless given.",
                            schema = @Schema(type = "string", format = "duration", example = "PT12H"))
                    @RequestParam(required = false)
                    Duration dueWithin) {
        if (dueWithin == null) {
            dueWithin = DEFAULT_DUE_WITHIN;
        }
        if (dueWithin.isNegative() || dueWithin.compareTo(Duration.ofDays(30)) > 0) {
            throw Problems.badRequest("dueWithin must be between PT0S and P30D.");
        }
        follower.awaitReadable(Map.of(), LOADING);
        return view.stalled(Instant.now().plus(dueWithin)).stream()
                .filter(match -> maySee(caller, match))
                .toList();
    }

    /**
     * Every decision as Server-Sent Events: {@code match} (made), {@code status} (moved on),
     * {@code refused} (a command not carried out; coordinators only) and {@code closed}. Each event's
     * id is a stream position: reconnect with it in {@code Last-Event-ID}, to any instance, and the
     * stream resumes right after it. Each organisation may hold a few streams at once (429 beyond),
     * and an id that was never issued is a 400.
     */
    @Operation(
            operationId = "streamMatches",
            summary = "Follow matches live",
            description =
                    "Server-Sent Events: match (made), status (moved on: accepted, declined, lapsed, cancelled, dispatched, overdue, received), refused (coordinators only) and closed. Reconnect with Last-Event-ID, to any instance, to resume right after the last event seen.",
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
            @RequestParam(required = false) MatchStatus status,
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
                        "status",
                        "committed",
                        "dispatched",
                        "delivered",
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
                        "#status+match",
                        "#item+num+committed",
                        "#item+num+dispatched",
                        "#item+num+delivered",
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
                matching(caller, status, supplyType, country, organization, since),
                match -> csv.row(List.of(
                        match.matchId(),
                        match.matchedAt(),
                        match.supplyType(),
                        supplyName(match.supplyType()),
                        match.quantity(),
                        match.status() == null ? "" : match.status(),
                        committed(match),
                        match.shippedQuantity(),
                        match.status() == null ? match.quantity() : match.receivedQuantity(),
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

    /** What the donor committed to: the whole match once accepted, whatever came of it after. */
    private static long committed(MatchDetails match) {
        if (match.status() == null) {
            return match.quantity();
        }
        return match.history().stream().anyMatch(step -> step.status() == MatchStatus.ACCEPTED) ? match.quantity() : 0;
    }

    static boolean maySee(Caller caller, MatchDetails match) {
        return caller.is(Role.COORDINATOR)
                || caller.organization().equals(match.requesterOrganization())
                || caller.organization().equals(match.donorOrganization());
    }

    /** Which matches the caller may see and asked for; waits, bounded, for a starting view to load. */
    private Predicate<MatchDetails> matching(
            Caller caller, MatchStatus status, String supplyType, String country, String organization, Instant since) {
        String upperCountry = country == null ? null : country.toUpperCase(Locale.ROOT);
        follower.awaitReadable(Map.of(), LOADING);
        return match -> maySee(caller, match)
                && (status == null || match.status() == status)
                && (supplyType == null || match.supplyType().equals(supplyType))
                && (upperCountry == null || match.country().equals(upperCountry))
                && (organization == null
                        || organization.equals(match.requesterOrganization())
                        || organization.equals(match.donorOrganization()))
                && (since == null || !match.matchedAt().isBefore(since));
    }

    private String supplyName(String code) {
        return catalogue.nameOf(code);
    }
}
