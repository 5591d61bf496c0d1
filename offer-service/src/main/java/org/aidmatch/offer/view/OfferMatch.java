package org.aidmatch.offer.view;

import java.time.Instant;

/** One match an offer serves. */
public record OfferMatch(
        String matchId,
        String requestId,
        String requesterOrganization,
        String country,
        long quantity,
        String matchedArea,
        Instant matchedAt) {}
