package org.aidmatch.matcher.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.aidmatch.contracts.events.MatchEndReason;

/** What a party sends with a command on a match. */
final class MatchCommandBodies {

    private MatchCommandBodies() {}

    record Decline(
            @Schema(
                    description =
                            "A donor: NO_SUPPLY, CANNOT_REACH_AREA or OTHER. A requester: NO_LONGER_NEEDED, PREFERS_DIFFERENT or OTHER.")
            @NotNull
            MatchEndReason reason,

            @Size(max = 1_000) String note) {}

    record Cancel(
            @Schema(description = "A donor: NO_SUPPLY, CANNOT_REACH_AREA or OTHER. A coordinator: any of the five.")
            @NotNull
            MatchEndReason reason,

            @Size(max = 1_000) String note) {}

    record Dispatch(
            @Schema(description = "What was shipped: above 0, at most the matched quantity; the rest is released")
            @NotNull
            @Min(1)
            @Max(1_000_000_000)
            Long quantity,

            @Size(max = 200) String shipmentReference,
            LocalDate expectedArrival) {}

    record Receipt(
            @Schema(
                    description =
                            "What arrived in good condition: at most what was shipped; the shortfall is re-matched")
            @NotNull
            @Min(0)
            @Max(1_000_000_000)
            Long receivedQuantity,

            @Schema(description = "Damage or shortage, in the requester's words") @Size(max = 1_000)
            String note) {}
}
