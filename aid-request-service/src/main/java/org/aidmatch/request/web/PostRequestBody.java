package org.aidmatch.request.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.aidmatch.contracts.events.Urgency;
import org.aidmatch.service.web.ApiDocs;
import org.aidmatch.service.web.validation.CountryCode;
import org.aidmatch.service.web.validation.KnownSupplyType;
import org.aidmatch.service.web.validation.NotBeforeTodayUtc;

/** What a requesting organisation sends to post a need. The organisation comes from its credentials. */
public record PostRequestBody(
        @NotNull @KnownSupplyType String supplyType,
        @NotNull @Min(1) @Max(1_000_000_000) Long quantity,

        @Schema(description = "ISO 3166-1 alpha-2, in any case", pattern = ApiDocs.COUNTRY_PATTERN, example = "KE")
        @NotNull
        @CountryCode
        String country,

        Urgency urgency,
        @NotBeforeTodayUtc LocalDate neededBy,
        @Size(max = 1_000) String note) {}
