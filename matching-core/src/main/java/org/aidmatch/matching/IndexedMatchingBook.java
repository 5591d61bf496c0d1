package org.aidmatch.matching;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import org.aidmatch.contracts.regions.Regions;

/**
 * The book AidMatch runs: open items are indexed so that one decision costs O(log n) in the size of
 * the book, with a small factor for the number of area codes involved.
 *
 * <p>Per supply type, each open request sits in one queue for every code that covers its country
 * (the country and each UN M49 area holding it), ordered by rule 2; each open offer sits in one
 * queue for every code of its service area, ordered by available-until and arrival. An arriving
 * offer compares the heads of its codes' request queues. An arriving request compares the heads of
 * the offer queues of the codes covering its country, each judged by that code's country count:
 * the best offer is the head of the queue of its own most specific covering code, so the smallest
 * head is the best offer overall. A head that has matched the arriving side before is passed over
 * for the next one in its queue.
 */
public final class IndexedMatchingBook extends AbstractMatchingBook {

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

    private final Map<String, Map<String, NavigableSet<Posting>>> requestsBySupplyAndCode = new HashMap<>();
    private final Map<String, Map<String, NavigableSet<Posting>>> offersBySupplyAndCode = new HashMap<>();

    @Override
    protected void add(Posting item) {
        if (item.side == Side.REQUEST) {
            Map<String, NavigableSet<Posting>> queues =
                    requestsBySupplyAndCode.computeIfAbsent(item.supplyType, type -> new HashMap<>());
            for (String code : Regions.codesCovering(item.country)) {
                queues.computeIfAbsent(code, c -> new TreeSet<>()).add(item);
            }
        } else {
            Map<String, NavigableSet<Posting>> queues =
                    offersBySupplyAndCode.computeIfAbsent(item.supplyType, type -> new HashMap<>());
            for (String code : item.serviceArea) {
                queues.computeIfAbsent(code, c -> new TreeSet<>()).add(item);
            }
        }
    }

    @Override
    protected void remove(Posting item) {
        if (item.side == Side.REQUEST) {
            removeFromQueues(requestsBySupplyAndCode.get(item.supplyType), Regions.codesCovering(item.country), item);
        } else {
            removeFromQueues(offersBySupplyAndCode.get(item.supplyType), item.serviceArea, item);
        }
    }

    @Override
    protected Posting bestRequestFor(Posting offer) {
        Map<String, NavigableSet<Posting>> queues = requestsBySupplyAndCode.get(offer.supplyType);
        if (queues == null) {
            return null;
        }
        Posting best = null;
        for (String code : offer.serviceArea) {
            NavigableSet<Posting> queue = queues.get(code);
            if (queue != null) {
                Posting head = firstNotMatchedWith(queue, offer);
                if (head != null && (best == null || head.rank < best.rank)) {
                    best = head;
                }
            }
        }
        return best;
    }

    @Override
    protected Posting bestOfferFor(Posting request) {
        Map<String, NavigableSet<Posting>> queues = offersBySupplyAndCode.get(request.supplyType);
        if (queues == null) {
            return null;
        }
        Posting best = null;
        int bestCount = Integer.MAX_VALUE;
        for (String code : Regions.codesCovering(request.country)) {
            NavigableSet<Posting> queue = queues.get(code);
            if (queue == null) {
                continue;
            }
            Posting head = firstNotMatchedWith(queue, request);
            if (head == null) {
                continue;
            }
            int count = Regions.countryCount(code);
            if (best == null || count < bestCount || (count == bestCount && head.rank < best.rank)) {
                best = head;
                bestCount = count;
            }
        }
        return best;
    }

    /**
     * The queue's best posting that {@code other} has not matched before. Almost always the head: a
     * pair is passed over only after quantity came back to both of its sides.
     */
    private static Posting firstNotMatchedWith(NavigableSet<Posting> queue, Posting other) {
        for (Posting candidate : queue) {
            if (!candidate.hasMatched(other)) {
                return candidate;
            }
        }
        return null;
    }

    private static void removeFromQueues(Map<String, NavigableSet<Posting>> queues, List<String> codes, Posting item) {
        for (String code : codes) {
            NavigableSet<Posting> queue = queues.get(code);
            if (queue != null && queue.remove(item) && queue.isEmpty()) {
                queues.remove(code);
            }
        }
    }
}
