package org.aidmatch.offer.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.aidmatch.service.web.validation.KnownSupplyType;
import org.aidmatch.service.web.validation.NotBeforeTodayUtc;
import org.aidmatch.service.web.validation.ServiceAreaCode;

/** What a donor sends to post an offer. The organisation comes from its credentials. */
public record PostOfferBody(
        @NotNull @KnownSupplyType String supplyType,
        @NotNull @Min(1) @Max(1_000_000_000) Long quantity,
        @NotNull @Size(min = 1, max = 50) List<@NotNull @ServiceAreaCode String> serviceArea,
        @NotBeforeTodayUtc LocalDate availableUntil,
        @Size(max = 1_000) String note) {}
