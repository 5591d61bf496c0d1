package org.aidmatch.matching;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.aidmatch.contracts.commands.AcceptMatch;
import org.aidmatch.contracts.commands.CancelMatch;
import org.aidmatch.contracts.commands.ConfirmReceipt;
import org.aidmatch.contracts.commands.DeclineMatch;
import org.aidmatch.contracts.commands.DispatchMatch;
import org.aidmatch.contracts.commands.MatchCommand;
import org.aidmatch.contracts.events.Actor;
import org.aidmatch.contracts.events.AidEvent;
import org.aidmatch.contracts.events.CloseReason;
import org.aidmatch.contracts.events.MatchEndReason;
import org.aidmatch.contracts.events.MatchEvent;
import org.aidmatch.contracts.events.MatchMade;
import org.aidmatch.contracts.events.MatchStatusChanged;
import org.aidmatch.contracts.events.OfferPosted;
import org.aidmatch.contracts.events.OfferWithdrawn;
import org.aidmatch.contracts.events.Party;
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

    /** An offer whose donor committed in advance: its matches start ACCEPTED. */
    List<MatchEvent> committedOffer(String id, String supplyType, long quantity, String... area) {
        return record(book.apply(
                new OfferPosted(
                        "e" + ++events,
                        id,
                        "donor-" + id,
                        supplyType,
                        quantity,
                        List.of(area),
                        null,
                        null,
                        true,
                        clock,
                        AidEvent.CURRENT_SCHEMA_VERSION),
                clock));
    }

    /** The id of the match between a request and an offer, as the book made it. */
    String matchOf(String requestId, String offerId) {
        return matches().stream()
                .filter(m -> m.requestId().equals(requestId) && m.offerId().equals(offerId))
                .map(MatchMade::matchId)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no match " + requestId + "->" + offerId));
    }

    MatchMade made(String requestId, String offerId) {
        String id = matchOf(requestId, offerId);
        return matches().stream()
                .filter(m -> m.matchId().equals(id))
                .findFirst()
                .orElseThrow();
    }

    /** The donor of the match's offer, acting as donor. */
    Actor donorOf(String requestId, String offerId) {
        return new Actor(made(requestId, offerId).donorOrganization(), Party.DONOR);
    }

    /** The requester of the match's request, acting as requester. */
    Actor requesterOf(String requestId, String offerId) {
        return new Actor(made(requestId, offerId).requesterOrganization(), Party.REQUESTER);
    }

    static final Actor COORDINATOR = new Actor("silk-road-coordination", Party.COORDINATOR);

    List<MatchEvent> accept(String requestId, String offerId) {
        return accept(requestId, offerId, donorOf(requestId, offerId));
    }

    List<MatchEvent> accept(String requestId, String offerId, Actor actor) {
        return command(new AcceptMatch(
                "e" + ++events, matchOf(requestId, offerId), supplyOf(requestId, offerId), actor, clock, 1));
    }

    List<MatchEvent> decline(String requestId, String offerId, Actor actor, MatchEndReason reason) {
        return command(new DeclineMatch(
                "e" + ++events,
                matchOf(requestId, offerId),
                supplyOf(requestId, offerId),
                actor,
                reason,
                null,
                clock,
                1));
    }

    List<MatchEvent> cancelMatch(String requestId, String offerId, Actor actor, MatchEndReason reason) {
        return command(new CancelMatch(
                "e" + ++events,
                matchOf(requestId, offerId),
                supplyOf(requestId, offerId),
                actor,
                reason,
                null,
                clock,
                1));
    }

    List<MatchEvent> dispatch(String requestId, String offerId, long quantity) {
        return command(new DispatchMatch(
                "e" + ++events,
                matchOf(requestId, offerId),
                supplyOf(requestId, offerId),
                donorOf(requestId, offerId),
                quantity,
                "AWB-" + events,
                null,
                clock,
                1));
    }

    List<MatchEvent> receive(String requestId, String offerId, long received) {
        return command(new ConfirmReceipt(
                "e" + ++events,
                matchOf(requestId, offerId),
                supplyOf(requestId, offerId),
                requesterOf(requestId, offerId),
                received,
                null,
                clock,
                1));
    }

    /** Accepted, shipped in full and received in full. */
    void deliver(String requestId, String offerId) {
        MatchMade match = made(requestId, offerId);
        accept(requestId, offerId);
        dispatch(requestId, offerId, match.quantity());
        receive(requestId, offerId, match.quantity());
    }

    /** A clock tick at the book's time. */
    List<MatchEvent> tick() {
        return record(book.advance(clock));
    }

    List<MatchEvent> command(MatchCommand command) {
        return record(book.apply(command, clock));
    }

    BookEntry entry(Side side, String id) {
        return book.entry(side, id).orElseThrow(() -> new AssertionError("the book does not hold " + id));
    }

    List<MatchStatusChanged> changes() {
        return history.stream()
                .filter(MatchStatusChanged.class::isInstance)
                .map(MatchStatusChanged.class::cast)
                .toList();
    }

    private String supplyOf(String requestId, String offerId) {
        return made(requestId, offerId).supplyType();
    }

    List<MatchEvent> cancel(String requestId, String supplyType) {
        return record(book.apply(
                new RequestCancelled(
                        "e" + ++events,
                        requestId,
                        "org-" + requestId,
                        supplyType,
                        "org-" + requestId,
                        CloseReason.CANCELLED,
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
                        CloseReason.CANCELLED,
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
