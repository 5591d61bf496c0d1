package org.aidmatch.load.footprint;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.aidmatch.contracts.events.AidEvent;
import org.aidmatch.contracts.events.CloseReason;
import org.aidmatch.contracts.events.MatchMade;
import org.aidmatch.contracts.events.MatchReason;
import org.aidmatch.contracts.events.MatchStatus;
import org.aidmatch.contracts.events.OfferClosed;
import org.aidmatch.contracts.events.OfferPosted;
import org.aidmatch.contracts.events.RequestCancelled;
import org.aidmatch.contracts.events.RequestClosed;
import org.aidmatch.contracts.events.RequestPosted;
import org.aidmatch.contracts.events.Urgency;
import org.aidmatch.contracts.topics.Topics;
import org.aidmatch.matcher.view.CoordinatorView;
import org.aidmatch.matching.IndexedMatchingBook;
import org.aidmatch.matching.MatchingBook;
import org.aidmatch.offer.view.OfferView;
import org.aidmatch.request.view.RequestView;
import org.aidmatch.service.kafka.TopicFollower.FollowedEvent;
import org.apache.kafka.common.TopicPartition;

/**
 * {@code java -jar aidmatch-load.jar footprint [items]}: the heap each view and the matcher's book
 * keep per open and per closed item, measured by filling one at a time and comparing the live heap
 * after full collections. A closed item here is one that was matched once and closed as fulfilled
 * (in the book: cancelled, which leaves the same closed marker).
 */
public final class ViewFootprint {

    private static final Instant AT = Instant.parse("2026-12-01T08:00:00Z");
    private static final List<String> COUNTRIES = List.of("KE", "UG", "PK", "KG", "TJ", "UZ", "ET", "SO");

    private ViewFootprint() {}

    public static void main(String[] args) {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        System.out.printf("bytes per item, %,d items each%n", items);
        report("request view, open", items, () -> fill(new RequestView(), items, false));
        report("request view, closed", items, () -> fill(new RequestView(), items, true));
        report("offer view, open", items, () -> fillOffers(new OfferView(), items, false));
        report("offer view, closed", items, () -> fillOffers(new OfferView(), items, true));
        report("coordinator view, open requests", items, () -> fillCoordinator(items, false));
        report(
                "coordinator view, matched and closed (request + offer + match)",
                items,
                () -> fillCoordinator(items, true));
        report("matcher book, open requests", items, () -> fillBook(items, false));
        report("matcher book, closed ids", items, () -> fillBook(items, true));
    }

    private static Object fill(RequestView view, int items, boolean closed) {
        for (int i = 0; i < items; i++) {
            RequestPosted request = request(i);
            view.apply(request);
            if (closed) {
                view.apply(match(i));
                view.apply(requestClosed(i));
            }
        }
        return view;
    }

    private static Object fillOffers(OfferView view, int items, boolean closed) {
        for (int i = 0; i < items; i++) {
            view.apply(offer(i));
            if (closed) {
                view.apply(match(i));
                view.apply(offerClosed(i));
            }
        }
        return view;
    }

    private static Object fillCoordinator(int items, boolean closed) {
        CoordinatorView view = new CoordinatorView();
        long[] offsets = new long[3];
        IntFunction<TopicPartition> partition = which -> new TopicPartition(
                List.of(Topics.REQUESTS, Topics.OFFERS, Topics.MATCHES)
                        .get(which)
                        .name(),
                0);
        for (int i = 0; i < items; i++) {
            view.apply(new FollowedEvent(request(i), partition.apply(0), offsets[0]++));
            if (closed) {
                view.apply(new FollowedEvent(offer(i), partition.apply(1), offsets[1]++));
                view.apply(new FollowedEvent(match(i), partition.apply(2), offsets[2]++));
                view.apply(new FollowedEvent(requestClosed(i), partition.apply(2), offsets[2]++));
                view.apply(new FollowedEvent(offerClosed(i), partition.apply(2), offsets[2]++));
            }
        }
        return view;
    }

    private static Object fillBook(int items, boolean closed) {
        MatchingBook book = new IndexedMatchingBook();
        for (int i = 0; i < items; i++) {
            book.apply(request(i), AT);
            if (closed) {
                book.apply(
                        new RequestCancelled("c" + i, "r" + i, "org", "PPE-GOWN", "org", CloseReason.CANCELLED, AT, 1),
                        AT);
            }
        }
        return book;
    }

    private static void report(String what, int items, Supplier<Object> filled) {
        long before = liveHeap();
        Object kept = filled.get();
        long after = liveHeap();
        System.out.printf("  %-66s %,8d%n", what, (after - before) / items);
        if (kept.hashCode() == 42) {
            System.out.print(""); // keeps what was filled reachable until measured
        }
    }

    private static long liveHeap() {
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static RequestPosted request(int i) {
        return new RequestPosted(
                "e-r" + i,
                "r" + i,
                "Hospital " + (i % 500),
                "PPE-GOWN",
                100,
                COUNTRIES.get(i % COUNTRIES.size()),
                Urgency.HIGH,
                null,
                "ICU wards, ward " + i,
                AT.plusMillis(i),
                AidEvent.CURRENT_SCHEMA_VERSION);
    }

    private static OfferPosted offer(int i) {
        return new OfferPosted(
                "e-o" + i,
                "o" + i,
                "Donor " + (i % 200),
                "PPE-GOWN",
                100,
                List.of("014"),
                null,
                null,
                AT.plusMillis(i),
                AidEvent.CURRENT_SCHEMA_VERSION);
    }

    private static MatchMade match(int i) {
        return new MatchMade(
                "e-m" + i,
                "r" + i,
                "o" + i,
                "Hospital " + (i % 500),
                "Donor " + (i % 200),
                "PPE-GOWN",
                100,
                COUNTRIES.get(i % COUNTRIES.size()),
                "014",
                new MatchReason(
                        MatchReason.Trigger.OFFER_ARRIVED,
                        Urgency.HIGH,
                        "SUBREGION",
                        22,
                        null,
                        "A new offer for Eastern Africa went first to the most urgent waiting request."),
                MatchStatus.PROPOSED,
                AT.plusMillis(i).plusSeconds(48 * 3600),
                0,
                0,
                AT.plusMillis(i),
                AidEvent.CURRENT_SCHEMA_VERSION);
    }

    private static RequestClosed requestClosed(int i) {
        return new RequestClosed(
                "e-rc" + i,
                "r" + i,
                "Hospital " + (i % 500),
                "PPE-GOWN",
                COUNTRIES.get(i % COUNTRIES.size()),
                CloseReason.FULFILLED,
                100,
                0,
                AT.plusMillis(i),
                AidEvent.CURRENT_SCHEMA_VERSION);
    }

    private static OfferClosed offerClosed(int i) {
        return new OfferClosed(
                "e-oc" + i,
                "o" + i,
                "Donor " + (i % 200),
                "PPE-GOWN",
                CloseReason.FULFILLED,
                100,
                0,
                AT.plusMillis(i),
                AidEvent.CURRENT_SCHEMA_VERSION);
    }
}
