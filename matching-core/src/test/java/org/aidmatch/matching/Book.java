package org.aidmatch.matching;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.aidmatch.contracts.events.AidEvent;
import org.aidmatch.contracts.events.MatchEvent;
import org.aidmatch.contracts.events.MatchMade;
import org.aidmatch.contracts.events.OfferPosted;
import org.aidmatch.contracts.events.OfferWithdrawn;
import org.aidmatch.contracts.events.RequestCancelled;
import org.aidmatch.contracts.events.RequestPosted;
import org.aidmatch.contracts.events.Urgency;

/** Test language for a book: post and cancel in the users' words, and read back what happened. */
final class Book {

    static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    private final MatchingBook book;
    private final List<MatchEvent> history = new ArrayList<>();
    private int events;
    private Instant clock = NOW;

    Book(MatchingBook book) {
        this.book = book;
    }

    MatchingBook book() {
        return book;
    }

    Book at(Instant time) {
        this.clock = time;
        return this;
    }

    List<MatchEvent> request(
            String id, String supplyType, long quantity, String country, Urgency urgency, LocalDate neededBy) {
        return record(book.apply(
                new RequestPosted(
                        "e" + ++events,
                        id,
                        "org-" + id,
                        supplyType,
                        quantity,
                        country,
                        urgency,
                        neededBy,
                        null,
                        clock,
                        AidEvent.CURRENT_SCHEMA_VERSION),
                clock));
    }

    List<MatchEvent> request(String id, String supplyType, long quantity, String country, Urgency urgency) {
        return request(id, supplyType, quantity, country, urgency, null);
    }

    List<MatchEvent> offer(String id, String supplyType, long quantity, LocalDate availableUntil, String... area) {
        return record(book.apply(
                new OfferPosted(
                        "e" + ++events,
                        id,
                        "donor-" + id,
                        supplyType,
                        quantity,
                        List.of(area),
                        availableUntil,
                        null,
                        clock,
                        AidEvent.CURRENT_SCHEMA_VERSION),
                clock));
    }

    List<MatchEvent> offer(String id, String supplyType, long quantity, String... area) {
        return offer(id, supplyType, quantity, null, area);
    }

    List<MatchEvent> cancel(String requestId, String supplyType) {
        return record(book.apply(
                new RequestCancelled(
                        "e" + ++events,
                        requestId,
                        "org-" + requestId,
                        supplyType,
                        "org-" + requestId,
                        clock,
                        AidEvent.CURRENT_SCHEMA_VERSION),
                clock));
    }

    List<MatchEvent> withdraw(String offerId, String supplyType) {
        return record(book.apply(
                new OfferWithdrawn(
                        "e" + ++events,
                        offerId,
                        "donor-" + offerId,
                        supplyType,
                        "donor-" + offerId,
                        clock,
                        AidEvent.CURRENT_SCHEMA_VERSION),
                clock));
    }

    List<MatchEvent> history() {
        return history;
    }

    List<MatchMade> matches() {
        return history.stream()
                .filter(MatchMade.class::isInstance)
                .map(MatchMade.class::cast)
                .toList();
    }

    /** Each match as "request->offer:quantity@area", in order. */
    List<String> pairs() {
        return matches().stream()
                .map(m -> m.requestId() + "->" + m.offerId() + ":" + m.quantity() + "@" + m.matchedArea())
                .toList();
    }

    private List<MatchEvent> record(List<MatchEvent> out) {
        history.addAll(out);
        return out;
    }
}
