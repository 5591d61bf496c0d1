package org.aidmatch.offer.view;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An offer as the service shows it: what was posted, and what the matcher has done with it. */
public record OfferState(
        String id,
        String organization,
        String supplyType,
        long quantity,
        List<String> serviceArea,
        LocalDate availableUntil,
        String note,
        OfferStatus status,
        long matchedQuantity,
        long remainingQuantity,
        List<OfferMatch> matches,
        Instant createdAt,
        Instant updatedAt) {}
