package org.aidmatch.request.view;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.aidmatch.contracts.events.Urgency;

/** A request as the service shows it: what was posted, and what the matcher has done with it. */
public record RequestState(
        String id,
        String organization,
        String supplyType,
        long quantity,
        String country,
        Urgency urgency,
        LocalDate neededBy,
        String note,
        RequestStatus status,
        long matchedQuantity,
        long remainingQuantity,
        List<RequestMatch> matches,
        Instant createdAt,
        Instant updatedAt) {}
