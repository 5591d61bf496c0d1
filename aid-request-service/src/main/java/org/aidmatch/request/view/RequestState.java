package org.aidmatch.request.view;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.aidmatch.contracts.events.Urgency;
import org.aidmatch.service.matches.MatchDetails;

/**
 * A request as the service shows it: what was posted, and what became of it.
 *
 * @param matchedQuantity what matches hold or delivered: proposed + committed + dispatched + delivered
 * @param remainingQuantity what is open, waiting to be matched
 * @param closedQuantity what will never be served through this request; the six quantities from
 *     remaining on add up to the quantity
 * @param matches each match with its status and history
 */
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
        long proposedQuantity,
        long committedQuantity,
        long dispatchedQuantity,
        long deliveredQuantity,
        long closedQuantity,
        List<MatchDetails> matches,
        Instant createdAt,
        Instant updatedAt) {}
