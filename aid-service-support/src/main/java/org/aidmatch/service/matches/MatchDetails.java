package org.aidmatch.service.matches;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.aidmatch.contracts.events.MatchReason;
import org.aidmatch.contracts.events.MatchStatus;

/**
 * A match as every service shows it: the pair, where it stands, and its history.
 *
 * @param status {@code null} for a match made before the lifecycle, which counts as delivered
 * @param respondBy when a PROPOSED match lapses without the donor's answer
 * @param confirmBy when a DISPATCHED match without receipt becomes OVERDUE
 */
public record MatchDetails(
        String matchId,
        String requestId,
        String offerId,
        String requesterOrganization,
        String donorOrganization,
        String supplyType,
        String country,
        String matchedArea,
        long quantity,
        MatchStatus status,
        long shippedQuantity,
        long receivedQuantity,
        String shipmentReference,
        LocalDate expectedArrival,
        Instant respondBy,
        Instant confirmBy,
        MatchReason reason,
        Instant matchedAt,
        Instant updatedAt,
        List<MatchStep> history) {}
