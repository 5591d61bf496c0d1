package org.aidmatch.offer.web;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.aidmatch.service.web.ApiDocs;
import org.aidmatch.service.web.validation.KnownSupplyType;
import org.aidmatch.service.web.validation.NotBeforeTodayUtc;
import org.aidmatch.service.web.validation.ServiceAreaCode;

/** What a donor sends to post an offer. The organisation comes from its credentials. */
public record PostOfferBody(
        @NotNull @KnownSupplyType String supplyType,
        @NotNull @Min(1) @Max(1_000_000_000) Long quantity,

        @ArraySchema(
                arraySchema = @Schema(description = "Countries and UN M49 areas the donor can serve"),
                schema =
                        @Schema(
                                description = "ISO 3166-1 alpha-2 country, or UN M49 area such as 014 or 001",
                                pattern = ApiDocs.SERVICE_AREA_PATTERN,
                                example = "014"))
        @NotNull
        @Size(min = 1, max = 50)
        List<@NotNull @ServiceAreaCode String> serviceArea,

        @NotBeforeTodayUtc LocalDate availableUntil,
        @Size(max = 1_000) String note,

        @Schema(
                description =
                        "The donor commits in advance: matches start ACCEPTED instead of waiting for an answer. Default false.")
        Boolean autoAccept) {

    public boolean commitsInAdvance() {
        return Boolean.TRUE.equals(autoAccept);
    }
}
