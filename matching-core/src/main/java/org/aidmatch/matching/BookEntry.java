package org.aidmatch.matching;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.aidmatch.contracts.events.CloseReason;
import org.aidmatch.contracts.events.Urgency;

/**
 * A request or offer as the book keeps it: open; closed but with matches still standing; or, once
 * nothing of it stands, only its closed id (a {@linkplain #settled() settled} entry, which keeps no
 * more than duplicate detection needs).
 *
 * @param balance where each unit of it is
 * @param country the request's country; {@code null} for an offer
 * @param serviceArea the offer's distinct service-area codes; empty for a request
 * @param urgency the request's urgency; {@code null} for an offer
 * @param lastDay neededBy or availableUntil, inclusive; {@code null} when open-ended
 * @param sequence arrival order within the book
 * @param autoAccept an offer whose matches start ACCEPTED
 * @param partners the ids of the other side it has matched with, which it never matches again
 * @param closedAs why it closed; {@code null} while open
 * @param closedAt when it closed, by event time; {@code null} while open, and in entries stored
 *     before the book kept it (they count as closed when the restored book first applies an event)
 * @param settled closed, with no match of it standing: only the id is kept
 */
public record BookEntry(
        Side side,
        String id,
        String organization,
        String supplyType,
        long quantity,
        Balance balance,
        String country,
        List<String> serviceArea,
        Urgency urgency,
        LocalDate lastDay,
        long sequence,
        Instant postedAt,
        boolean autoAccept,
        List<String> partners,
        CloseReason closedAs,
        Instant closedAt,
        boolean settled) {

    public BookEntry {
        serviceArea = serviceArea == null ? List.of() : List.copyOf(serviceArea);
        partners = partners == null ? List.of() : List.copyOf(partners);
        balance = balance == null ? Balance.openOnly(0) : balance;
    }

    /** A closed id with nothing of it standing. */
    public static BookEntry settled(Side side, String id, CloseReason closedAs, Instant closedAt) {
        return new BookEntry(
                side, id, null, null, 0, null, null, List.of(), null, null, 0, null, false, List.of(), closedAs,
                closedAt, true);
    }

    public boolean isOpen() {
        return closedAs == null;
    }

    /** The open quantity. */
    public long remaining() {
        return balance.open();
    }
}
