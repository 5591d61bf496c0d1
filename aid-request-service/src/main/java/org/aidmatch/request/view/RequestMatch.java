package org.aidmatch.request.view;

import java.time.Instant;

/** One match that serves a request. */
public record RequestMatch(
        String matchId,
        String offerId,
        String donorOrganization,
        long quantity,
        String matchedArea,
        Instant matchedAt) {}
