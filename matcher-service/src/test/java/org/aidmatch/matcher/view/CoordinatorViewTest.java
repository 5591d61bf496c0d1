package org.aidmatch.matcher.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.aidmatch.contracts.events.AidEvent;
import org.aidmatch.contracts.events.CloseReason;
import org.aidmatch.contracts.events.MatchMade;
import org.aidmatch.contracts.events.MatchReason;
import org.aidmatch.contracts.events.OfferClosed;
import org.aidmatch.contracts.events.OfferPosted;
import org.aidmatch.contracts.events.RequestClosed;
import org.aidmatch.contracts.events.RequestPosted;
import org.aidmatch.contracts.events.Urgency;
import org.aidmatch.contracts.regions.Regions;
import org.aidmatch.contracts.topics.Topics;
import org.aidmatch.service.kafka.TopicFollower.FollowedEvent;
import org.aidmatch.service.matches.MatchDetails;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * The coordinator view's fold, without a broker: its gap rows, kept up to date event by event, equal
 * the rows recomputed from scratch, whatever order the three topics' events arrive in.
 */
class CoordinatorViewTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final List<String> COUNTRIES = List.of("KE", "UG", "PK", "KG", "TJ");
    private static final List<String> AREAS = List.of("KE", "014", "002", "143", "034", "001", "PK");
    private static final List<String> SUPPLIES = List.of("PPE-GOWN", "SV-TRAINING");

    private long matchOffset;
    private long postingOffset;

    @Test
    void a_match_read_before_its_request_and_offer_counts_once_they_arrive() {
        CoordinatorView view = new CoordinatorView();
        RequestPosted request = request("r1", "PPE-GOWN", 100, "KE");
        OfferPosted offer = offer("o1", "PPE-GOWN", 30, "014");

        apply(view, match(request, offer, 30));
        assertThat(view.gaps()).isEmpty();
        apply(view, request);
        apply(view, offer);

        assertThat(view.gaps()).singleElement().satisfies(row -> {
            assertThat(row.requested()).isEqualTo(100);
            assertThat(row.matched()).isEqualTo(30);
            assertThat(row.unmet()).isEqualTo(70);
            assertThat(row.openOffered()).isZero();
        });
        assertThat(view.openQuantity("PPE-GOWN", false)).isEqualTo(70);
        assertThat(view.matches(match -> true, 0, 10).items())
                .extracting(MatchDetails::requestId)
                .containsExactly("r1");
    }

    @Test
    void gap_rows_kept_event_by_event_equal_the_rows_recomputed_from_scratch() {
        Random random = new Random(2020);
        for (int run = 0; run < 200; run++) {
            List<AidEvent> events = randomHistory(random);
            Collections.shuffle(events.subList(0, events.size()), random); // topics interleave any way
            CoordinatorView view = new CoordinatorView();
            for (AidEvent event : events) {
                apply(view, event);
            }
            assertThat(view.gaps()).as("run %d", run).isEqualTo(recomputed(events));
            for (String supply : SUPPLIES) {
                assertThat(view.openQuantity(supply, true)).isEqualTo(openOffered(events, supply));
            }
        }
    }

    /** Requests and offers, with some matches between them and some closings. */
    private List<AidEvent> randomHistory(Random random) {
        List<AidEvent> events = new ArrayList<>();
        List<RequestPosted> requests = new ArrayList<>();
        List<OfferPosted> offers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String supply = SUPPLIES.get(random.nextInt(SUPPLIES.size()));
            requests.add(request("r" + i, supply, 10 + random.nextInt(90), COUNTRIES.get(random.nextInt(5))));
            offers.add(offer("o" + i, supply, 10 + random.nextInt(90), AREAS.get(random.nextInt(AREAS.size()))));
        }
        events.addAll(requests);
        events.addAll(offers);
        for (int i = 0; i < 8; i++) {
            RequestPosted request = requests.get(random.nextInt(requests.size()));
            OfferPosted offer = offers.get(random.nextInt(offers.size()));
            if (request.supplyType().equals(offer.supplyType())) {
                events.add(match(request, offer, 1 + random.nextInt(5)));
            }
        }
        for (int i = 0; i < 3; i++) {
            RequestPosted request = requests.get(random.nextInt(requests.size()));
            events.add(new RequestClosed(
                    "c" + i + request.requestId(),
                    request.requestId(),
                    "org",
                    request.supplyType(),
                    request.country(),
                    CloseReason.CANCELLED,
                    0,
                    0,
                    T0,
                    1));
            OfferPosted offer = offers.get(random.nextInt(offers.size()));
            events.add(new OfferClosed(
                    "c" + i + offer.offerId(),
                    offer.offerId(),
                    "donor",
                    offer.supplyType(),
                    CloseReason.CANCELLED,
                    0,
                    0,
                    T0,
                    1));
        }
        return events;
    }

    /** The rows as the view used to compute them on every call: by scanning everything. */
    private static List<GapRow> recomputed(List<AidEvent> events) {
        Map<String, long[]> byKey = new HashMap<>();
        Map<String, RequestPosted> requests = new HashMap<>();
        for (AidEvent event : events) {
            if (event instanceof RequestPosted posted) {
                requests.put(posted.requestId(), posted);
            }
        }
        for (RequestPosted request : requests.values()) {
            long matched = matched(events, request.requestId(), true);
            boolean closed = closed(events, request.requestId(), true);
            long[] sums = byKey.computeIfAbsent(request.supplyType() + "|" + request.country(), key -> new long[4]);
            sums[0] += request.quantity();
            sums[1] += matched;
            sums[2] += closed ? 0 : Math.max(0, request.quantity() - matched);
        }
        List<GapRow> rows = new ArrayList<>();
        byKey.forEach((key, sums) -> {
            String supply = key.substring(0, key.indexOf('|'));
            String country = key.substring(key.indexOf('|') + 1);
            long offered = 0;
            for (AidEvent event : events) {
                if (event instanceof OfferPosted offer
                        && offer.supplyType().equals(supply)
                        && !closed(events, offer.offerId(), false)
                        && offer.serviceArea().stream().anyMatch(code -> Regions.covers(code, country))) {
                    offered += Math.max(0, offer.quantity() - matched(events, offer.offerId(), false));
                }
            }
            rows.add(new GapRow(
                    supply,
                    name(supply),
                    country,
                    Regions.displayName(country),
                    sums[0],
                    sums[1],
                    0,
                    0,
                    0,
                    sums[1],
                    sums[2],
                    offered));
        });
        rows.sort(java.util.Comparator.comparingLong(GapRow::unmet)
                .reversed()
                .thenComparing(GapRow::supplyType)
                .thenComparing(GapRow::country));
        return rows;
    }

    private static long openOffered(List<AidEvent> events, String supply) {
        long total = 0;
        for (AidEvent event : events) {
            if (event instanceof OfferPosted offer
                    && offer.supplyType().equals(supply)
                    && !closed(events, offer.offerId(), false)) {
                total += Math.max(0, offer.quantity() - matched(events, offer.offerId(), false));
            }
        }
        return total;
    }

    private static String name(String supply) {
        return org.aidmatch.contracts.catalogue.SupplyCatalogue.standard()
                .find(supply)
                .orElseThrow()
                .name();
    }

    private static long matched(List<AidEvent> events, String id, boolean request) {
        return events.stream()
                .filter(MatchMade.class::isInstance)
                .map(MatchMade.class::cast)
                .filter(match -> id.equals(request ? match.requestId() : match.offerId()))
                .mapToLong(MatchMade::quantity)
                .sum();
    }

    private static boolean closed(List<AidEvent> events, String id, boolean request) {
        return events.stream()
                .anyMatch(event -> request
                        ? event instanceof RequestClosed closedRequest
                                && closedRequest.requestId().equals(id)
                        : event instanceof OfferClosed closedOffer
                                && closedOffer.offerId().equals(id));
    }

    private void apply(CoordinatorView view, AidEvent event) {
        String topic = event instanceof RequestPosted
                ? Topics.REQUESTS.name()
                : event instanceof OfferPosted ? Topics.OFFERS.name() : Topics.MATCHES.name();
        long offset = topic.equals(Topics.MATCHES.name()) ? matchOffset++ : postingOffset++;
        view.apply(new FollowedEvent(event, new TopicPartition(topic, 0), offset));
    }

    private static RequestPosted request(String id, String supply, long quantity, String country) {
        return new RequestPosted(
                "e-" + id,
                id,
                "org-" + id,
                supply,
                quantity,
                country,
                Urgency.HIGH,
                null,
                null,
                T0,
                AidEvent.CURRENT_SCHEMA_VERSION);
    }

    private static OfferPosted offer(String id, String supply, long quantity, String area) {
        return new OfferPosted(
                "e-" + id,
                id,
                "donor-" + id,
                supply,
                quantity,
                List.of(area),
                null,
                null,
                T0,
                AidEvent.CURRENT_SCHEMA_VERSION);
    }

    private int matches;

    private MatchMade match(RequestPosted request, OfferPosted offer, long quantity) {
        matches++;
        return new MatchMade(
                "m" + matches,
                request.requestId(),
                offer.offerId(),
                request.organization(),
                offer.organization(),
                request.supplyType(),
                quantity,
                request.country(),
                offer.serviceArea().get(0),
                new MatchReason(MatchReason.Trigger.OFFER_ARRIVED, Urgency.HIGH, "COUNTRY", 1, null, "test"),
                // Made as a matcher before the lifecycle made them: they count as delivered.
                null,
                null,
                0,
                0,
                T0.plusSeconds(matches),
                AidEvent.CURRENT_SCHEMA_VERSION);
    }
}
