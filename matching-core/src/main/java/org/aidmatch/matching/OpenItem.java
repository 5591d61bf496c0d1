package org.aidmatch.matching;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.aidmatch.contracts.events.CloseReason;
import org.aidmatch.contracts.events.OfferPosted;
import org.aidmatch.contracts.events.RequestPosted;
import org.aidmatch.contracts.events.Urgency;

/** A request or offer while it is open. Only the remaining quantity changes. */
final class OpenItem {

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
    }

    static OpenItem of(BookEntry entry) {
        return new OpenItem(entry);
    }

    static OpenItem of(RequestPosted posted, long sequence) {
        return new OpenItem(new BookEntry(Side.REQUEST, posted.requestId(), posted.organization(),
                posted.supplyType(), posted.quantity(), posted.quantity(), posted.country(), List.of(),
                posted.urgency(), posted.neededBy(), sequence, posted.occurredAt(), null));
    }

    static OpenItem of(OfferPosted posted, long sequence) {
        List<String> distinctArea = posted.serviceArea().stream().distinct().toList();
        return new OpenItem(new BookEntry(Side.OFFER, posted.offerId(), posted.organization(),
                posted.supplyType(), posted.quantity(), posted.quantity(), null, distinctArea, null,
                posted.availableUntil(), sequence, posted.occurredAt(), null));
    }

    boolean isExpiredOn(LocalDate today) {
        return lastDay != null && lastDay.isBefore(today);
    }

    BookEntry snapshot() {
        return new BookEntry(side, id, organization, supplyType, quantity, remaining, country, serviceArea,
                urgency, lastDay, sequence, postedAt, null);
    }

    BookEntry closedAs(CloseReason reason) {
        return new BookEntry(side, id, organization, supplyType, quantity, remaining, country, serviceArea,
                urgency, lastDay, sequence, postedAt, reason);
    }

    static String key(Side side, String id) {
        return side == Side.REQUEST ? "R:" + id : "O:" + id;
    }

    String key() {
        return key(side, id);
    }
}
