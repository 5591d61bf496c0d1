package org.aidmatch.matching;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
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
 * head is the best offer overall. Items with a last day also sit in one expiry queue.
 */
public final class IndexedMatchingBook extends AbstractMatchingBook {

    /** With the default horizon of {@link MatchingBook#DEFAULT_CLOSED_ID_HORIZON}. */
    public IndexedMatchingBook() {
        this(DEFAULT_CLOSED_ID_HORIZON);
    }

    /** @param closedIdHorizon how long a closed id is remembered (rule 7) */
    public IndexedMatchingBook(Duration closedIdHorizon) {
        super(closedIdHorizon);
    }

    /** Last day, then arrival: the order in which items expire. */
    private static final Comparator<OpenItem> EXPIRY_ORDER =
            Comparator.<OpenItem, LocalDate>comparing(item -> item.lastDay).thenComparingLong(item -> item.sequence);

    private final Map<String, OpenItem> openRequests = new HashMap<>();
    private final Map<String, OpenItem> openOffers = new HashMap<>();
    private final Map<String, Map<String, NavigableSet<OpenItem>>> requestsBySupplyAndCode = new HashMap<>();
    private final Map<String, Map<String, NavigableSet<OpenItem>>> offersBySupplyAndCode = new HashMap<>();
    private final NavigableSet<OpenItem> byLastDay = new TreeSet<>(EXPIRY_ORDER);

    @Override
    protected void add(OpenItem item) {
        if (item.side == Side.REQUEST) {
            openRequests.put(item.id, item);
            Map<String, NavigableSet<OpenItem>> queues =
                    requestsBySupplyAndCode.computeIfAbsent(item.supplyType, type -> new HashMap<>());
            for (String code : Regions.codesCovering(item.country)) {
                queues.computeIfAbsent(code, c -> new TreeSet<>()).add(item);
            }
        } else {
            openOffers.put(item.id, item);
            Map<String, NavigableSet<OpenItem>> queues =
                    offersBySupplyAndCode.computeIfAbsent(item.supplyType, type -> new HashMap<>());
            for (String code : item.serviceArea) {
                queues.computeIfAbsent(code, c -> new TreeSet<>()).add(item);
            }
        }
        if (item.lastDay != null) {
            byLastDay.add(item);
        }
    }

    @Override
    protected void remove(OpenItem item) {
        if (item.side == Side.REQUEST) {
            openRequests.remove(item.id);
            removeFromQueues(requestsBySupplyAndCode.get(item.supplyType), Regions.codesCovering(item.country), item);
        } else {
            openOffers.remove(item.id);
            removeFromQueues(offersBySupplyAndCode.get(item.supplyType), item.serviceArea, item);
        }
        if (item.lastDay != null) {
            byLastDay.remove(item);
        }
    }

    @Override
    protected OpenItem findOpen(Side side, String id) {
        return (side == Side.REQUEST ? openRequests : openOffers).get(id);
    }

    @Override
    protected OpenItem bestRequestFor(OpenItem offer) {
        Map<String, NavigableSet<OpenItem>> queues = requestsBySupplyAndCode.get(offer.supplyType);
        if (queues == null) {
            return null;
        }
        OpenItem best = null;
        for (String code : offer.serviceArea) {
            NavigableSet<OpenItem> queue = queues.get(code);
            if (queue != null) {
                OpenItem head = queue.first();
                if (best == null || head.rank < best.rank) {
                    best = head;
                }
            }
        }
        return best;
    }

    @Override
    protected OpenItem bestOfferFor(OpenItem request) {
        Map<String, NavigableSet<OpenItem>> queues = offersBySupplyAndCode.get(request.supplyType);
        if (queues == null) {
            return null;
        }
        OpenItem best = null;
        int bestCount = Integer.MAX_VALUE;
        for (String code : Regions.codesCovering(request.country)) {
            NavigableSet<OpenItem> queue = queues.get(code);
            if (queue == null) {
                continue;
            }
            OpenItem head = queue.first();
            int count = Regions.countryCount(code);
            if (best == null || count < bestCount || (count == bestCount && head.rank < best.rank)) {
                best = head;
                bestCount = count;
            }
        }
        return best;
    }

    @Override
    protected List<OpenItem> expiredBefore(LocalDate today) {
        List<OpenItem> expired = new ArrayList<>();
        for (OpenItem item : byLastDay) {
            if (!item.lastDay.isBefore(today)) {
                break;
            }
            expired.add(item);
        }
        return expired;
    }

    @Override
    protected List<OpenItem> openInArrivalOrder() {
        List<OpenItem> items = new ArrayList<>(openRequests.values());
        items.addAll(openOffers.values());
        items.sort(Comparator.comparingLong(item -> item.sequence));
        return items;
    }

    private static void removeFromQueues(
            Map<String, NavigableSet<OpenItem>> queues, List<String> codes, OpenItem item) {
        for (String code : codes) {
            NavigableSet<OpenItem> queue = queues.get(code);
            if (queue != null && queue.remove(item) && queue.isEmpty()) {
                queues.remove(code);
            }
        }
    }
}
