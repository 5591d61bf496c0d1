package org.aidmatch.matching;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.aidmatch.contracts.events.CloseReason;
import org.aidmatch.contracts.events.Urgency;

/**
 * A request or offer as the book keeps it.
 *
 * @param country the request's country; {@code null} for an offer
 * @param serviceArea the offer's distinct service-area codes; empty for a request
 * @param urgency the request's urgency; {@code null} for an offer
 * @param lastDay neededBy or availableUntil, inclusive; {@code null} when open-ended
 * @param sequence arrival order within the book
 * @param closedAs why it closed; {@code null} while open
 * @param closedAt when it closed, by event time; {@code null} while open, and in entries stored
 *     before the book kept it (they count as closed when the restored book first applies an event)
 */
public record BookEntry(
        Side side,
        String id,
        String organization,
        String supplyType,
        long quantity,
        long remaining,
        String country,
        List<String> serviceArea,
        Urgency urgency,
        LocalDate lastDay,
        long sequence,
        Instant postedAt,
        CloseReason closedAs,
        Instant closedAt) {

    public BookEntry {
        serviceArea = serviceArea == null ? List.of() : List.copyOf(serviceArea);
    }

    public boolean isOpen() {
        return closedAs == null;
    }
}
