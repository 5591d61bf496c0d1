package org.aidmatch.matcher.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.aidmatch.matcher.view.CoordinatorView;
import org.aidmatch.matcher.view.GapRow;
import org.aidmatch.service.kafka.TopicFollower;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Unmet need by supply type and country, the largest first. The rows are totals without
 * organisation names, so every signed-in organisation may read them.
 */
@RestController
@RequestMapping("/api/v1/gaps")
@Tag(name = "Gaps", description = "Unmet need by supply type and country")
class GapsController {

    /** How long a read waits for a starting instance to load its view before it answers 503. */
    private static final Duration LOADING = Duration.ofSeconds(3);

    private final CoordinatorView view;
    private final TopicFollower follower;

    GapsController(CoordinatorView view, TopicFollower follower) {
        this.view = view;
        this.follower = follower;
    }

    @Operation(
            operationId = "listGaps",
            summary = "List unmet needs",
            description =
                    "One row per supply type and country: requested; matched, split into proposed, committed, dispatched and delivered; unmet; and what open offers could still give there. The largest gap first.")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    List<GapRow> gaps(
            @RequestParam(required = false) String supplyType, @RequestParam(required = false) String country) {
        String upperCountry = country == null ? null : country.toUpperCase(Locale.ROOT);
        follower.awaitReadable(Map.of(), LOADING);
        return view.gaps().stream()
                .filter(row -> supplyType == null || row.supplyType().equals(supplyType))
                .filter(row -> upperCountry == null || row.country().equals(upperCountry))
                .toList();
    }

    @Operation(
            operationId = "exportGaps",
            summary = "Export unmet needs as CSV",
            description = "HXL-tagged CSV, UTF-8 with a byte-order mark.",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = "The gaps as CSV",
                            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string"))))
    @GetMapping(path = "/export.csv", produces = "text/csv")
    ResponseEntity<byte[]> export(
            @RequestParam(required = false) String supplyType, @RequestParam(required = false) String country) {
        HxlCsv csv = new HxlCsv(
                List.of(
                        "supply_type",
                        "supply_name",
                        "country",
                        "country_name",
                        "requested",
                        "matched",
                        "proposed",
                        "committed",
                        "dispatched",
                        "delivered",
                        "unmet",
                        "open_offered"),
                List.of(
                        "#item+code",
                        "#item+name",
                        "#country+code",
                        "#country+name",
                        "#quantity+requested",
                        "#quantity+matched",
                        "#item+num+proposed",
                        "#item+num+committed",
                        "#item+num+dispatched",
                        "#item+num+delivered",
                        "#quantity+unmet",
                        "#quantity+offered"));
        for (GapRow row : gaps(supplyType, country)) {
            csv.row(List.of(
                    row.supplyType(),
                    row.supplyName(),
                    row.country(),
                    row.countryName(),
                    row.requested(),
                    row.matched(),
                    row.proposed(),
                    row.committed(),
                    row.dispatched(),
                    row.delivered(),
                    row.unmet(),
                    row.openOffered()));
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"aidmatch-gaps.csv\"")
                .body(csv.bytes());
    }
}
