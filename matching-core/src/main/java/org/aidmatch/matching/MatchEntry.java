package org.aidmatch.matching;

import java.time.Instant;
import java.time.LocalDate;
import org.aidmatch.contracts.events.MatchStatus;

/**
 * A match that stands (PROPOSED, ACCEPTED, DISPATCHED or OVERDUE), as the book keeps it. An ended
 * match leaves the book; its pair stays in both entries' partners.
 *
 * @param shipped what was dispatched; 0 before dispatch
 * @param deadline when a PROPOSED match lapses, or a DISPATCHED one becomes OVERDUE; {@code null}
 *     otherwise
 */
public record MatchEntry(
        String matchId,
        String requestId,
        String offerId,
        long quantity,
        MatchStatus status,
        long shipped,
        Instant deadline,
        String shipmentReference,
        LocalDate expectedArrival,
        Instant madeAt) {}
