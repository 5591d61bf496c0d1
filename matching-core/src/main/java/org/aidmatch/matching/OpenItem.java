package org.aidmatch.matching;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.aidmatch.contracts.events.OfferPosted;
import org.aidmatch.contracts.events.RequestPosted;
import org.aidmatch.contracts.events.Urgency;

/**
 * A request or offer while it is open. Only the remaining quantity changes.
 *
 * <p>Items order by {@link #rank}, a single number that encodes the order of rule 2 for requests
 * and of available-until then arrival for offers, so that the book's queues compare one long
 * instead of walking a chain of comparators: on a book of a million entries that is most of the
 * cost of an event.
 */
final class OpenItem implements Comparable<OpenItem> {

    private static final int DAY_BITS = 21;
    private static final int SEQUENCE_BITS = 40;
    private static final long NO_DAY = (1L << DAY_BITS) - 1;

    final Side side;
    final String id;
    final String organization;
    final String supplyType;
    final long quantity;
    final String country;
    final List<String> serviceArea;
    final Urgency urgency;
    final LocalDate lastDay;
    final long sequence;
    final Instant postedAt;
    final long rank;
    long remaining;

    private OpenItem(BookEntry entry) {
        this.side = entry.side();
        this.id = entry.id();
        this.organization = entry.organization();
        this.supplyType = entry.supplyType();
        this.quantity = entry.quantity();
        this.country = entry.country();
        this.serviceArea = entry.serviceArea();
        this.urgency = entry.urgency();
        this.lastDay = entry.lastDay();
        this.sequence = entry.sequence();
        this.postedAt = entry.postedAt();
        this.remaining = entry.remaining();
        this.rank = rankOf(side, urgency, lastDay, sequence);
    }

    /** urgency (requests only) | last day, none last | arrival; fits in 63 bits. */
    private static long rankOf(Side side, Urgency urgency, LocalDate lastDay, long sequence) {
        if (sequence >= 1L << SEQUENCE_BITS) {
            throw new IllegalStateException("sequence beyond " + SEQUENCE_BITS + " bits: " + sequence);
        }
        long day = lastDay == null ? NO_DAY : Math.max(0, Math.min(lastDay.toEpochDay(), NO_DAY - 1));
        long urgencyRank = side == Side.REQUEST ? urgency.ordinal() : 0;
        return (urgencyRank << (DAY_BITS + SEQUENCE_BITS)) | (day << SEQUENCE_BITS) | sequence;
    }

    @Override
    public int compareTo(OpenItem other) {
        return Long.compare(rank, other.rank);
    }

    static OpenItem of(BookEntry entry) {
        return new OpenItem(entry);
    }

    static OpenItem of(RequestPosted posted, long sequence) {
        return new OpenItem(new BookEntry(
                Side.REQUEST,
                posted.requestId(),
                posted.organization(),
                posted.supplyType(),
                posted.quantity(),
                posted.quantity(),
                posted.country(),
                List.of(),
                posted.urgency(),
                posted.neededBy(),
                sequence,
                posted.occurredAt(),
                null,
                null));
    }

    static OpenItem of(OfferPosted posted, long sequence) {
        List<String> distinctArea = posted.serviceArea().stream().distinct().toList();
        return new OpenItem(new BookEntry(
                Side.OFFER,
                posted.offerId(),
                posted.organization(),
                posted.supplyType(),
                posted.quantity(),
                posted.quantity(),
                null,
                distinctArea,
                null,
                posted.availableUntil(),
                sequence,
                posted.occurredAt(),
                null,
                null));
    }

    boolean isExpiredOn(LocalDate today) {
        return lastDay != null && lastDay.isBefore(today);
    }

    BookEntry snapshot() {
        return new BookEntry(
                side,
                id,
                organization,
                supplyType,
                quantity,
                remaining,
                country,
                serviceArea,
                urgency,
                lastDay,
                sequence,
                postedAt,
                null,
                null);
    }
}
