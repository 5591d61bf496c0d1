package org.aidmatch.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
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
import org.aidmatch.contracts.events.MatchReason.Trigger;
import org.aidmatch.contracts.events.OfferClosed;
import org.aidmatch.contracts.events.OfferPosted;
import org.aidmatch.contracts.events.OfferWithdrawn;
import org.aidmatch.contracts.events.Party;
import org.aidmatch.contracts.events.RequestCancelled;
import org.aidmatch.contracts.events.RequestClosed;
import org.aidmatch.contracts.events.RequestPosted;
import org.aidmatch.contracts.events.Urgency;
import org.aidmatch.contracts.regions.Regions;

/**
 * Random histories of postings, cancellations, commands on matches and passing time, applied to the
 * indexed book and to the reference book: both must decide exactly alike, and the indexed book must
 * keep the invariants at every step.
 */
class MatchingBookPropertyTest {

    private static final Instant START = Instant.parse("2026-11-29T09:00:00Z");
    private static final List<String> SUPPLY_TYPES = List.of("PPE-GOWN", "DX-PCR-TEST");
    private static final List<String> COUNTRIES = List.of("KE", "TZ", "UG", "IT", "BR", "PK", "UZ");
    private static final List<String> AREAS =
            List.of("KE", "TZ", "IT", "PK", "014", "002", "202", "150", "419", "143", "034", "142", "001");

    /** One thing that happens to the book. */
    sealed interface Step permits PostRequest, PostOffer, Cancel, Withdraw, Wait, Act {}

    record PostRequest(String supplyType, long quantity, String country, Urgency urgency, Integer dueInDays)
            implements Step {}

    record PostOffer(String supplyType, long quantity, List<String> area, Integer availableForDays, boolean autoAccept)
            implements Step {}

    /** A command on the {@code which}-th match made so far; {@code share} in percent sizes dispatch and receipt. */
    record Act(Command command, int which, int share, MatchEndReason reason) implements Step {}

    enum Command {
        ACCEPT,
        DONOR_DECLINES,
        REQUESTER_DECLINES,
        DONOR_CANCELS,
        COORDINATOR_CANCELS,
        DISPATCH,
        RECEIVE
    }

    record Cancel(int which) implements Step {}

    record Withdraw(int which) implements Step {}

    record Wait(int hours) implements Step {}

    @Property(tries = 300)
    void the_indexed_book_decides_exactly_as_the_reference_book(@ForAll("histories") List<Step> history) {
        List<List<MatchEvent>> indexed = new Run(new IndexedMatchingBook()).play(history);
        List<List<MatchEvent>> reference = new Run(new ReferenceMatchingBook()).play(history);

        assertThat(indexed).isEqualTo(reference);
    }

    @Property(tries = 300)
    void the_same_history_always_gives_the_same_decisions(@ForAll("histories") List<Step> history) {
        assertThat(new Run(new IndexedMatchingBook()).play(history))
                .isEqualTo(new Run(new IndexedMatchingBook()).play(history));
    }

    @Property(tries = 300)
    void quantities_balance_the_book_is_never_crossed_and_no_pair_matches_twice(
            @ForAll("histories") List<Step> history) {
        Run run = new Run(new IndexedMatchingBook());
        Set<String> pairs = new HashSet<>();
        for (Step step : history) {
            for (MatchEvent decided : run.apply(step)) {
                if (decided instanceof MatchMade match) {
                    assertThat(pairs.add(match.requestId() + "->" + match.offerId()))
                            .as("%s->%s matched twice", match.requestId(), match.offerId())
                            .isTrue();
                }
            }
            assertBalanced(run.book.entries());
            assertNeverCrossed(run.book.openEntries());
        }
        assertConserved(run);
    }

    @Property(tries = 300)
    void a_book_restored_from_its_changes_decides_on_as_the_one_that_never_stopped(
            @ForAll("histories") List<Step> history) {
        int half = history.size() / 2;
        Run whole = new Run(new IndexedMatchingBook());
        Run stopped = new Run(new IndexedMatchingBook());
        Map<String, BookEntry> entries = new HashMap<>();
        Map<String, MatchEntry> standing = new HashMap<>();
        for (Step step : history.subList(0, half)) {
            whole.apply(step);
            stopped.apply(step);
            BookChanges changes = stopped.book.takeChanges();
            changes.forgotten().forEach(entry -> entries.remove(entry.side() + entry.id()));
            changes.entries().forEach(entry -> entries.put(entry.side() + entry.id(), entry));
            changes.matches().forEach(match -> standing.put(match.matchId(), match));
            changes.endedMatchIds().forEach(standing::remove);
            // What the changes built is what the book holds, not only enough to decide alike.
            assertThat(entries.values().stream()
                            .filter(entry -> !entry.settled())
                            .sorted(Comparator.comparingLong(BookEntry::sequence))
                            .toList())
                    .isEqualTo(stopped.book.entries());
            assertThat(standing.values().stream()
                            .sorted(Comparator.comparing(MatchEntry::matchId))
                            .toList())
                    .isEqualTo(stopped.book.standingMatches().stream()
                            .sorted(Comparator.comparing(MatchEntry::matchId))
                            .toList());
        }
        MatchingBook restored = new IndexedMatchingBook();
        entries.values().forEach(restored::restore);
        standing.values().forEach(restored::restore);
        Run resumed = stopped.continuedWith(restored);

        for (Step step : history.subList(half, history.size())) {
            assertThat(resumed.apply(step)).isEqualTo(whole.apply(step));
        }
    }

    @Property(tries = 300)
    void every_fill_went_to_the_best_counterpart_open_at_the_time(@ForAll("histories") List<Step> history) {
        Run run = new Run(new IndexedMatchingBook());
        for (Step step : history) {
            List<MatchEvent> decided = run.apply(step);
            assertPriority(run.beforeArrival, decided);
        }
    }

    /**
     * Rule 7 against a model of its own: a fulfilled request's id, posted again and again at random
     * times, is ignored up to and including the horizon after its closing, and is a new request
     * from the first posting after that.
     */
    @Property(tries = 200)
    void a_closed_id_is_remembered_up_to_the_horizon_and_new_after_it(
            @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 100) int horizonHours,
            @ForAll @net.jqwik.api.constraints.Size(max = 12)
                    List<@net.jqwik.api.constraints.IntRange(min = 0, max = 40) Integer> gapsInHours) {
        for (MatchingBook book : List.of(
                new IndexedMatchingBook(Duration.ofHours(horizonHours)),
                new ReferenceMatchingBook(Duration.ofHours(horizonHours)))) {
            Instant closing = START;
            book.apply(posting("dup", 10, closing), closing);
            book.apply(offerFor(10, closing, true), closing);
            String matchId = book.standingMatches().get(0).matchId();
            Actor donor = new Actor("donor", Party.DONOR);
            book.apply(new DispatchMatch("d", matchId, "PPE-GOWN", donor, 10, null, null, closing, 1), closing);
            book.apply(
                    new ConfirmReceipt(
                            "r", matchId, "PPE-GOWN", new Actor("org", Party.REQUESTER), 10, null, closing, 1),
                    closing);
            Instant at = closing;
            boolean forgottenByModel = false;
            for (int gap : gapsInHours) {
                at = at.plus(Duration.ofHours(gap));
                forgottenByModel = at.isAfter(closing.plus(Duration.ofHours(horizonHours)));
                book.apply(posting("dup", 10, at), at);
                BookEntry entry = book.entry(Side.REQUEST, "dup").orElseThrow();
                if (forgottenByModel) {
                    assertThat(entry.isOpen()).as("posted anew at %s", at).isTrue();
                    break;
                }
                assertThat(entry.closedAt())
                        .as("still the closed duplicate at %s", at)
                        .isEqualTo(closing);
            }
        }
    }

    private static RequestPosted posting(String id, long quantity, Instant at) {
        return new RequestPosted(
                "e-" + at,
                id,
                "org",
                "PPE-GOWN",
                quantity,
                "KE",
                Urgency.HIGH,
                null,
                null,
                at,
                AidEvent.CURRENT_SCHEMA_VERSION);
    }

    private static OfferPosted offerFor(long quantity, Instant at, boolean autoAccept) {
        return new OfferPosted(
                "o-" + at,
                "relief",
                "donor",
                "PPE-GOWN",
                quantity,
                List.of("KE"),
                null,
                null,
                autoAccept,
                at,
                AidEvent.CURRENT_SCHEMA_VERSION);
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        Arbitrary<String> supply = Arbitraries.of(SUPPLY_TYPES);
        Arbitrary<Long> quantity = Arbitraries.longs().between(1, 40);
        Arbitrary<Integer> days = Arbitraries.integers().between(0, 4).injectNull(0.4);
        Arbitrary<Step> request = Combinators.combine(
                        supply, quantity, Arbitraries.of(COUNTRIES), Arbitraries.of(Urgency.class), days)
                .as(PostRequest::new);
        Arbitrary<Step> offer = Combinators.combine(
                        supply,
                        quantity,
                        Arbitraries.of(AREAS).list().ofMinSize(1).ofMaxSize(3),
                        days,
                        Arbitraries.of(true, false, false))
                .as(PostOffer::new);
        Arbitrary<Step> act = Combinators.combine(
                        Arbitraries.of(Command.class),
                        Arbitraries.integers().between(0, 30),
                        Arbitraries.integers().between(1, 100),
                        Arbitraries.of(
                                MatchEndReason.NO_SUPPLY,
                                MatchEndReason.CANNOT_REACH_AREA,
                                MatchEndReason.NO_LONGER_NEEDED,
                                MatchEndReason.PREFERS_DIFFERENT,
                                MatchEndReason.OTHER))
                .as(Act::new);
        Arbitrary<Step> cancel = Arbitraries.integers().between(0, 30).map(Cancel::new);
        Arbitrary<Step> withdraw = Arbitraries.integers().between(0, 30).map(Withdraw::new);
        Arbitrary<Step> wait = Arbitraries.integers().between(1, 72).map(Wait::new);
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(5, request),
                        net.jqwik.api.Tuple.of(5, offer),
                        net.jqwik.api.Tuple.of(1, cancel),
                        net.jqwik.api.Tuple.of(1, withdraw),
                        net.jqwik.api.Tuple.of(6, act),
                        net.jqwik.api.Tuple.of(2, wait))
                .list()
                .ofMaxSize(80);
    }

    /** Plays steps against one book, with ids and times that depend only on the steps. */
    static final class Run {
        final MatchingBook book;
        final List<MatchEvent> history = new ArrayList<>();
        final Map<String, Long> posted = new HashMap<>();
        /** The open entries after time passed and before a posting arrived. */
        List<BookEntry> beforeArrival = List.of();

        private final List<String> requestIds = new ArrayList<>();
        private final List<String> offerIds = new ArrayList<>();
        private final List<MatchMade> made = new ArrayList<>();
        private Instant now = START;
        private int events;

        Run(MatchingBook book) {
            this.book = book;
        }

        /** The same run from here on, with another book: what a restarted matcher is. */
        Run continuedWith(MatchingBook other) {
            Run next = new Run(other);
            next.history.addAll(history);
            next.posted.putAll(posted);
            next.requestIds.addAll(requestIds);
            next.offerIds.addAll(offerIds);
            next.made.addAll(made);
            next.now = now;
            next.events = events;
            return next;
        }

        List<List<MatchEvent>> play(List<Step> steps) {
            List<List<MatchEvent>> out = new ArrayList<>();
            steps.forEach(step -> out.add(apply(step)));
            return out;
        }

        List<MatchEvent> apply(Step step) {
            now = now.plusSeconds(1);
            String eventId = "e" + ++events;
            List<MatchEvent> out = new ArrayList<>();
            if (step instanceof PostRequest || step instanceof PostOffer) {
                // Time passes first, so that the fills of the arrival can be judged against the book it met.
                out.addAll(book.advance(now));
                beforeArrival = book.openEntries();
            }
            if (step instanceof PostRequest r) {
                String id = "r" + requestIds.size();
                requestIds.add(id);
                posted.put(id, r.quantity());
                out.addAll(book.apply(
                        new RequestPosted(
                                eventId,
                                id,
                                "org-" + id,
                                r.supplyType(),
                                r.quantity(),
                                r.country(),
                                r.urgency(),
                                dayFromNow(r.dueInDays()),
                                null,
                                now,
                                AidEvent.CURRENT_SCHEMA_VERSION),
                        now));
            } else if (step instanceof PostOffer o) {
                String id = "o" + offerIds.size();
                offerIds.add(id);
                posted.put(id, o.quantity());
                out.addAll(book.apply(
                        new OfferPosted(
                                eventId,
                                id,
                                "donor-" + id,
                                o.supplyType(),
                                o.quantity(),
                                o.area(),
                                dayFromNow(o.availableForDays()),
                                null,
                                o.autoAccept(),
                                now,
                                AidEvent.CURRENT_SCHEMA_VERSION),
                        now));
            } else if (step instanceof Act act) {
                out = made.isEmpty() ? List.of() : book.apply(command(act, eventId), now);
            } else if (step instanceof Cancel c) {
                out = requestIds.isEmpty()
                        ? List.of()
                        : book.apply(
                                new RequestCancelled(
                                        eventId,
                                        requestIds.get(c.which() % requestIds.size()),
                                        "org",
                                        "PPE-GOWN",
                                        "org",
                                        CloseReason.CANCELLED,
                                        now,
                                        AidEvent.CURRENT_SCHEMA_VERSION),
                                now);
            } else if (step instanceof Withdraw w) {
                out = offerIds.isEmpty()
                        ? List.of()
                        : book.apply(
                                new OfferWithdrawn(
                                        eventId,
                                        offerIds.get(w.which() % offerIds.size()),
                                        "donor",
                                        "PPE-GOWN",
                                        "donor",
                                        CloseReason.CANCELLED,
                                        now,
                                        AidEvent.CURRENT_SCHEMA_VERSION),
                                now);
            } else {
                now = now.plus(Duration.ofHours(((Wait) step).hours()));
                out = book.advance(now);
            }
            history.addAll(out);
            out.stream()
                    .filter(MatchMade.class::isInstance)
                    .map(MatchMade.class::cast)
                    .forEach(made::add);
            return out;
        }

        private MatchCommand command(Act act, String eventId) {
            MatchMade match = made.get(act.which() % made.size());
            Actor donor = new Actor(match.donorOrganization(), Party.DONOR);
            Actor requester = new Actor(match.requesterOrganization(), Party.REQUESTER);
            Actor coordinator = new Actor("coordination", Party.COORDINATOR);
            MatchEndReason donorReason = act.reason().donorMayGive() ? act.reason() : MatchEndReason.OTHER;
            MatchEndReason requesterReason = act.reason().requesterMayGive() ? act.reason() : MatchEndReason.OTHER;
            String id = match.matchId();
            String type = match.supplyType();
            long share = Math.max(1, match.quantity() * act.share() / 100);
            return switch (act.command()) {
                case ACCEPT -> new AcceptMatch(eventId, id, type, donor, now, 1);
                case DONOR_DECLINES -> new DeclineMatch(eventId, id, type, donor, donorReason, null, now, 1);
                case REQUESTER_DECLINES ->
                    new DeclineMatch(eventId, id, type, requester, requesterReason, null, now, 1);
                case DONOR_CANCELS -> new CancelMatch(eventId, id, type, donor, donorReason, null, now, 1);
                case COORDINATOR_CANCELS -> new CancelMatch(eventId, id, type, coordinator, act.reason(), null, now, 1);
                case DISPATCH -> new DispatchMatch(eventId, id, type, donor, share, null, null, now, 1);
                case RECEIVE -> new ConfirmReceipt(eventId, id, type, requester, share - 1, null, now, 1);
            };
        }

        LocalDate today() {
            return LocalDate.ofInstant(now, ZoneOffset.UTC);
        }

        private LocalDate dayFromNow(Integer days) {
            return days == null ? null : today().plusDays(days);
        }
    }

    private static boolean compatible(BookEntry request, BookEntry offer) {
        return request.side() == Side.REQUEST
                && offer.side() == Side.OFFER
                && request.remaining() > 0
                && offer.remaining() > 0
                && !request.partners().contains(offer.id())
                && request.supplyType().equals(offer.supplyType())
                && offer.serviceArea().stream().anyMatch(code -> Regions.covers(code, request.country()));
    }

    private static void assertNeverCrossed(List<BookEntry> open) {
        for (BookEntry request : open) {
            for (BookEntry offer : open) {
                assertThat(compatible(request, offer))
                        .as("%s and %s are both open and compatible", request.id(), offer.id())
                        .isFalse();
            }
        }
    }

    private static void assertBalanced(List<BookEntry> held) {
        for (BookEntry entry : held) {
            assertThat(entry.balance().total())
                    .as("open + proposed + accepted + dispatched + delivered + closed of %s", entry.id())
                    .isEqualTo(entry.quantity());
        }
    }

    /** What the book no longer holds whole closed once, with totals that add up to what was posted. */
    private static void assertConserved(Run run) {
        Map<String, Long> accounted = new HashMap<>();
        for (MatchEvent event : run.history) {
            if (event instanceof RequestClosed closed) {
                accounted.merge(closed.requestId(), closed.matchedQuantity() + closed.unmatchedQuantity(), Long::sum);
            } else if (event instanceof OfferClosed closed) {
                accounted.merge(closed.offerId(), closed.matchedQuantity() + closed.unmatchedQuantity(), Long::sum);
            }
        }
        for (BookEntry entry : run.book.entries()) {
            if (entry.isOpen()) {
                assertThat(accounted).as("%s is open and closed", entry.id()).doesNotContainKey(entry.id());
                accounted.put(entry.id(), entry.balance().total());
            }
        }
        assertThat(accounted)
                .as("each posting closed once or held open, with all of it")
                .isEqualTo(run.posted);
    }

    /** Within one arrival, fills go best first, and nothing better than a filled counterpart was left waiting. */
    private static void assertPriority(List<BookEntry> openBefore, List<MatchEvent> decided) {
        List<MatchMade> fills = decided.stream()
                .filter(MatchMade.class::isInstance)
                .map(MatchMade.class::cast)
                .filter(fill -> fill.reason().trigger() == Trigger.OFFER_ARRIVED
                        || fill.reason().trigger() == Trigger.REQUEST_ARRIVED)
                .toList();
        if (fills.isEmpty()) {
            return;
        }
        Map<String, BookEntry> byId = new HashMap<>();
        openBefore.forEach(entry -> byId.put(entry.id(), entry));
        boolean offerArrived = fills.get(0).reason().trigger() == Trigger.OFFER_ARRIVED;
        List<BookEntry> served = fills.stream()
                .map(fill -> byId.get(offerArrived ? fill.requestId() : fill.offerId()))
                .toList();
        String country = fills.get(0).country();
        Comparator<BookEntry> order = offerArrived ? requestOrder() : offerOrder(country);
        assertThat(served).as("fills in priority order").isSortedAccordingTo(order);
        BookEntry lastServed = served.get(served.size() - 1);
        List<String> servedIds = served.stream().map(BookEntry::id).toList();
        for (BookEntry waiting : openBefore) {
            boolean sameSide =
                    waiting.side() == lastServed.side() && !servedIds.contains(waiting.id()) && waiting.remaining() > 0;
            boolean couldHaveServed = sameSide
                    && waiting.supplyType().equals(lastServed.supplyType())
                    && (offerArrived
                            ? fills.get(0).matchedArea() != null && coveredByArrivingOffer(waiting, fills)
                            : waiting.serviceArea().stream().anyMatch(code -> Regions.covers(code, country)));
            if (couldHaveServed && !expiredAt(waiting, fills.get(0).occurredAt())) {
                assertThat(order.compare(waiting, lastServed))
                        .as("%s was passed over", waiting.id())
                        .isPositive();
            }
        }
    }

    private static boolean coveredByArrivingOffer(BookEntry request, List<MatchMade> fills) {
        // The arriving offer's full area is not in the book snapshot; the matched areas are a subset of it.
        return fills.stream().anyMatch(fill -> Regions.covers(fill.matchedArea(), request.country()));
    }

    private static boolean expiredAt(BookEntry entry, Instant now) {
        return entry.lastDay() != null && entry.lastDay().isBefore(LocalDate.ofInstant(now, ZoneOffset.UTC));
    }

    private static Comparator<BookEntry> requestOrder() {
        return Comparator.<BookEntry>comparingInt(entry -> entry.urgency().ordinal())
                .thenComparing(BookEntry::lastDay, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparingLong(BookEntry::sequence);
    }

    private static Comparator<BookEntry> offerOrder(String country) {
        return Comparator.<BookEntry>comparingInt(entry -> entry.serviceArea().stream()
                        .filter(code -> Regions.covers(code, country))
                        .mapToInt(Regions::countryCount)
                        .min()
                        .orElseThrow())
                .thenComparing(BookEntry::lastDay, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparingLong(BookEntry::sequence);
    }
}
