package org.aidmatch.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.aidmatch.contracts.events.AidEvent;
import org.aidmatch.contracts.events.MatchEvent;
import org.aidmatch.contracts.events.MatchMade;
import org.aidmatch.contracts.events.MatchReason.Trigger;
import org.aidmatch.contracts.events.OfferClosed;
import org.aidmatch.contracts.events.OfferPosted;
import org.aidmatch.contracts.events.OfferWithdrawn;
import org.aidmatch.contracts.events.RequestCancelled;
import org.aidmatch.contracts.events.RequestClosed;
import org.aidmatch.contracts.events.RequestPosted;
import org.aidmatch.contracts.events.Urgency;
import org.aidmatch.contracts.regions.Regions;

/**
 * Random histories of postings, cancellations and passing days, applied to the indexed book and to
 * the reference book: both must decide exactly alike, and the indexed book must keep the invariants.
 */
class MatchingBookPropertyTest {

    private static final Instant START = Instant.parse("2026-11-29T09:00:00Z");
    private static final List<String> SUPPLY_TYPES = List.of("PPE-GOWN", "DX-PCR-TEST");
    private static final List<String> COUNTRIES = List.of("KE", "TZ", "UG", "IT", "BR", "PK", "UZ");
    private static final List<String> AREAS =
            List.of("KE", "TZ", "IT", "PK", "014", "002", "202", "150", "419", "143", "034", "142", "001");

    /** One thing that happens to the book. */
    sealed interface Step permits PostRequest, PostOffer, Cancel, Withdraw, Wait {}

    record PostRequest(String supplyType, long quantity, String country, Urgency urgency, Integer dueInDays)
            implements Step {}

    record PostOffer(String supplyType, long quantity, List<String> area, Integer availableForDays) implements Step {}

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
    void quantity_is_conserved_and_the_book_is_never_crossed(@ForAll("histories") List<Step> history) {
        Run run = new Run(new IndexedMatchingBook());
        for (Step step : history) {
            run.apply(step);
            assertNeverCrossed(run.book.openEntries());
        }
        assertConserved(run);
    }

    @Property(tries = 300)
    void every_fill_went_to_the_best_counterpart_open_at_the_time(@ForAll("histories") List<Step> history) {
        Run run = new Run(new IndexedMatchingBook());
        for (Step step : history) {
            List<BookEntry> before = run.book.openEntries();
            List<MatchEvent> decided = run.apply(step);
            assertPriority(before, decided);
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
            book.apply(offerFor(10, closing), closing);
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

    private static OfferPosted offerFor(long quantity, Instant at) {
        return new OfferPosted(
                "o-" + at,
                "relief",
                "donor",
                "PPE-GOWN",
                quantity,
                List.of("KE"),
                null,
                null,
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
                        days)
                .as(PostOffer::new);
        Arbitrary<Step> cancel = Arbitraries.integers().between(0, 30).map(Cancel::new);
        Arbitrary<Step> withdraw = Arbitraries.integers().between(0, 30).map(Withdraw::new);
        Arbitrary<Step> wait = Arbitraries.integers().between(1, 36).map(Wait::new);
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(5, request),
                        net.jqwik.api.Tuple.of(5, offer),
                        net.jqwik.api.Tuple.of(1, cancel),
                        net.jqwik.api.Tuple.of(1, withdraw),
                        net.jqwik.api.Tuple.of(2, wait))
                .list()
                .ofMaxSize(60);
    }

    /** Plays steps against one book, with ids and times that depend only on the steps. */
    static final class Run {
        final MatchingBook book;
        final List<MatchEvent> history = new ArrayList<>();
        final Map<String, Long> posted = new HashMap<>();
        private final List<String> requestIds = new ArrayList<>();
        private final List<String> offerIds = new ArrayList<>();
        private Instant now = START;
        private int events;

        Run(MatchingBook book) {
            this.book = book;
        }

        List<List<MatchEvent>> play(List<Step> steps) {
            List<List<MatchEvent>> out = new ArrayList<>();
            steps.forEach(step -> out.add(apply(step)));
            return out;
        }

        List<MatchEvent> apply(Step step) {
            now = now.plusSeconds(1);
            String eventId = "e" + ++events;
            List<MatchEvent> out;
            if (step instanceof PostRequest r) {
                String id = "r" + requestIds.size();
                requestIds.add(id);
                posted.put(id, r.quantity());
                out = book.apply(
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
                        now);
            } else if (step instanceof PostOffer o) {
                String id = "o" + offerIds.size();
                offerIds.add(id);
                posted.put(id, o.quantity());
                out = book.apply(
                        new OfferPosted(
                                eventId,
                                id,
                                "donor-" + id,
                                o.supplyType(),
                                o.quantity(),
                                o.area(),
                                dayFromNow(o.availableForDays()),
                                null,
                                now,
                                AidEvent.CURRENT_SCHEMA_VERSION),
                        now);
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
                                        now,
                                        AidEvent.CURRENT_SCHEMA_VERSION),
                                now);
            } else {
                now = now.plus(Duration.ofHours(((Wait) step).hours()));
                out = book.expire(now);
            }
            history.addAll(out);
            return out;
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

    private static void assertConserved(Run run) {
        Map<String, Long> accounted = new HashMap<>();
        for (MatchEvent event : run.history) {
            if (event instanceof MatchMade match) {
                accounted.merge(match.requestId(), match.quantity(), Long::sum);
                accounted.merge(match.offerId(), match.quantity(), Long::sum);
            } else if (event instanceof RequestClosed closed) {
                accounted.merge(closed.requestId(), closed.unmatchedQuantity(), Long::sum);
            } else if (event instanceof OfferClosed closed) {
                accounted.merge(closed.offerId(), closed.unmatchedQuantity(), Long::sum);
            }
        }
        run.book.openEntries().forEach(entry -> accounted.merge(entry.id(), entry.remaining(), Long::sum));
        assertThat(accounted)
                .as("matched + open + closed unmatched = posted, for every item")
                .isEqualTo(run.posted);
    }

    /** Within one arrival, fills go best first, and nothing better than a filled counterpart was left waiting. */
    private static void assertPriority(List<BookEntry> openBefore, List<MatchEvent> decided) {
        List<MatchMade> fills = decided.stream()
                .filter(MatchMade.class::isInstance)
                .map(MatchMade.class::cast)
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
            boolean sameSide = waiting.side() == lastServed.side() && !servedIds.contains(waiting.id());
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
