package org.aidmatch.matching;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aidmatch.contracts.regions.Regions;

/**
 * The book AidMatch runs: open items are indexed so that one decision costs O(log n) in the size of
 * a country's queue, with a small factor for the number of countries and area codes involved.
 *
 * <p>Per supply type, each open request sits in one queue, its country's, ordered by rule 2. Each
 * open offer sits in one queue for every code of its service area, ordered by available-until and
 * arrival. An arriving offer compares the best of the request queues its area holds: for a country
 * code that country's queue, for an area code the queues of the countries in it that have had a
 * request of that type. An arriving request compares the heads of the offer queues of the codes
 * covering its country, each judged by that code's country count: the best offer is the head of the
 * queue of its own most specific covering code, so the smallest head is the best offer overall. A
 * head that has matched the arriving side before is passed over for the next one in its queue.
 *
 * <p>A request used to sit in the queue of every code covering its country, five on average; one
 * queue makes an arrival one ordered insert instead of five, and keeps the queues short in a large
 * book, where the world's and the continents' queues held tens of thousands each. Queues stay once
 * made, empty or not, so that an area's list of country queues never needs mending: at most one per
 * supply type and country or area code.
 */
public final class IndexedMatchingBook extends AbstractMatchingBook {

    /** The queues of one supply type. */
    private static final class SupplyQueues {
        final Map<String, PostingQueue> requestsByCountry = new HashMap<>();
        /** For each area code, the request queues of the countries in it, made with those queues. */
        final Map<String, List<PostingQueue>> requestsByArea = new HashMap<>();

        final Map<String, PostingQueue> offersByCode = new HashMap<>();

        PostingQueue requestQueue(String country) {
            PostingQueue queue = requestsByCountry.get(country);
            if (queue == null) {
                queue = new PostingQueue(1);
                requestsByCountry.put(country, queue);
                for (String code : Regions.codesCovering(country)) {
                    if (!code.equals(country)) {
                        requestsByArea
                                .computeIfAbsent(code, area -> new ArrayList<>())
                                .add(queue);
                    }
                }
            }
            return queue;
        }

        PostingQueue offerQueue(String code) {
            PostingQueue queue = offersByCode.get(code);
            if (queue == null) {
                queue = new PostingQueue(Regions.countryCount(code));
                offersByCode.put(code, queue);
            }
            return queue;
        }
    }

    private final Map<String, SupplyQueues> bySupplyType = new HashMap<>();

    /** With {@link BookSettings#DEFAULTS}. */
    public IndexedMatchingBook() {
        this(BookSettings.DEFAULTS);
    }

    /** @param closedIdHorizon how long a closed id is remembered (rule 7); the rest as by default */
    public IndexedMatchingBook(Duration closedIdHorizon) {
        this(BookSettings.DEFAULTS.withClosedIdHorizon(closedIdHorizon));
    }

    public IndexedMatchingBook(BookSettings settings) {
        super(settings);
    }

    @Override
    protected void add(Posting item) {
        SupplyQueues queues = bySupplyType.computeIfAbsent(item.supplyType, type -> new SupplyQueues());
        if (item.side == Side.REQUEST) {
            queues.requestQueue(item.country).add(item);
        } else {
            for (String code : item.serviceArea) {
                queues.offerQueue(code).add(item);
            }
        }
    }

    @Override
    protected void remove(Posting item) {
        SupplyQueues queues = bySupplyType.get(item.supplyType);
        if (item.side == Side.REQUEST) {
            queues.requestsByCountry.get(item.country).remove(item);
        } else {
            for (String code : item.serviceArea) {
                queues.offersByCode.get(code).remove(item);
            }
        }
    }

    @Override
    protected Posting bestRequestFor(Posting offer) {
        SupplyQueues queues = bySupplyType.get(offer.supplyType);
        if (queues == null) {
            return null;
        }
        Posting best = null;
        for (String code : offer.serviceArea) {
            if (Regions.isCountry(code)) {
                best = better(queues.requestsByCountry.get(code), offer, best);
            } else {
                List<PostingQueue> countries = queues.requestsByArea.get(code);
                if (countries != null) {
                    for (int i = 0, n = countries.size(); i < n; i++) {
                        best = better(countries.get(i), offer, best);
                    }
                }
            }
        }
        return best;
    }

    private static Posting better(PostingQueue queue, Posting offer, Posting best) {
        if (queue == null) {
            return best;
        }
        Posting candidate = queue.bestFor(offer, best);
        return candidate == null ? best : candidate;
    }

    @Override
    protected Posting bestOfferFor(Posting request) {
        SupplyQueues queues = bySupplyType.get(request.supplyType);
        if (queues == null) {
            return null;
        }
        Posting best = null;
        int bestCount = Integer.MAX_VALUE;
        for (String code : Regions.codesCovering(request.country)) {
            PostingQueue queue = queues.offersByCode.get(code);
            if (queue == null || queue.countryCount > bestCount) {
                continue;
            }
            Posting head = queue.bestFor(request, queue.countryCount == bestCount ? best : null);
            if (head != null) {
                best = head;
                bestCount = queue.countryCount;
            }
        }
        return best;
    }
}
