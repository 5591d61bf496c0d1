package org.aidmatch.matching;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aidmatch.contracts.events.CloseReason;
import org.aidmatch.contracts.events.OfferPosted;
import org.aidmatch.contracts.events.RequestPosted;
import org.aidmatch.contracts.events.Urgency;

/**
 * A request or offer while the book holds it whole: open, or closed with matches still standing.
 * What it posted never changes; its balance, partners and standing matches do.
 *
 * <p>Items order by {@link #rank}, a single number that encodes the order of rule 2 for requests
 * and of available-until then arrival for offers, so that the book's queues compare one long
 * instead of walking a chain of comparators: on a book of a million entries that is most of the
 * cost of an event.
 */
final class Posting implements Comparable<Posting> {

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
    final boolean autoAccept;
    /** The open quantity; the other fields of {@link Balance} follow. */
    long remaining;

    long proposed;
    long accepted;
    long dispatched;
    long delivered;
    long closed;
    /** Why it stopped taking part in matching; {@code null} while open. */
    CloseReason closedAs;

    Instant closedAt;
    /** Whether the subclass's matching index holds it: open with something left. */
    boolean indexed;
    /** Whether the book holds it whole (open, or closed with matches standing), under its id. */
    boolean held;
    /** Whether it is in the book's changes since they were last taken. */
    boolean changed;
    /**
     * Who it has matched with: most postings in a large book never match, and most that do match
     * once, so the first partner is a field and a set is made only for the second.
     */
    private String firstPartner;

    private Set<String> partners;
    /** Its matches that stand, in the order they were made; made on the first match. */
    private Map<String, LiveMatch> standing;

    private Posting(BookEntry entry) {
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
        this.autoAccept = entry.autoAccept();
        Balance balance = entry.balance();
        this.remaining = balance.open();
        this.proposed = balance.proposed();
        this.accepted = balance.accepted();
        this.dispatched = balance.dispatched();
        this.delivered = balance.delivered();
        this.closed = balance.closed();
        this.closedAs = entry.closedAs();
        this.closedAt = entry.closedAt();
        entry.partners().forEach(this::addPartner);
        this.rank = rankOf(side, urgency, lastDay, sequence);
    }

    boolean isOpen() {
        return closedAs == null;
    }

    /** Open, with quantity left to match. */
    boolean isMatchable() {
        return closedAs == null && remaining > 0;
    }

    boolean hasMatched(Posting other) {
        return partners != null ? partners.contains(other.id) : other.id.equals(firstPartner);
    }

    void matchedWith(Posting other) {
        addPartner(other.id);
    }

    private void addPartner(String partner) {
        if (partners != null) {
            partners.add(partner);
        } else if (firstPartner == null) {
            firstPartner = partner;
        } else if (!firstPartner.equals(partner)) {
            partners = new HashSet<>();
            partners.add(firstPartner);
            partners.add(partner);
        }
    }

    Map<String, LiveMatch> standing() {
        if (standing == null) {
            standing = new LinkedHashMap<>();
        }
        return standing;
    }

    boolean hasStanding() {
        return standing != null && !standing.isEmpty();
    }

    Balance balance() {
        return new Balance(remaining, proposed, accepted, dispatched, delivered, closed);
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
    public int compareTo(Posting other) {
        return Long.compare(rank, other.rank);
    }

    static Posting of(BookEntry entry) {
        return new Posting(entry);
    }

    static Posting of(RequestPosted posted, long sequence) {
        return new Posting(new BookEntry(
                Side.REQUEST,
                posted.requestId(),
                posted.organization(),
                posted.supplyType(),
                posted.quantity(),
                Balance.openOnly(posted.quantity()),
                posted.country(),
                List.of(),
                posted.urgency(),
                posted.neededBy(),
                sequence,
                posted.occurredAt(),
                false,
                List.of(),
                null,
                null,
                false));
    }

    static Posting of(OfferPosted posted, long sequence) {
        List<String> distinctArea = posted.serviceArea().stream().distinct().toList();
        return new Posting(new BookEntry(
                Side.OFFER,
                posted.offerId(),
                posted.organization(),
                posted.supplyType(),
                posted.quantity(),
                Balance.openOnly(posted.quantity()),
                null,
                distinctArea,
                null,
                posted.availableUntil(),
                sequence,
                posted.occurredAt(),
                posted.autoAccept(),
                List.of(),
                null,
                null,
                false));
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
                balance(),
                country,
                serviceArea,
                urgency,
                lastDay,
                sequence,
                postedAt,
                autoAccept,
                sortedPartners(),
                closedAs,
                closedAt,
                false);
    }

    /** Every changed posting is snapshotted after each record, so no stream machinery here. */
    private List<String> sortedPartners() {
        if (partners == null) {
            return firstPartner == null ? List.of() : List.of(firstPartner);
        }
        String[] ids = partners.toArray(String[]::new);
        Arrays.sort(ids);
        return List.of(ids);
    }
}
