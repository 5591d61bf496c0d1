package org.aidmatch.matcher.view;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.aidmatch.contracts.catalogue.SupplyCatalogue;
import org.aidmatch.contracts.catalogue.SupplyType;
import org.aidmatch.contracts.events.MatchEvent;
import org.aidmatch.contracts.events.MatchMade;
import org.aidmatch.contracts.events.OfferClosed;
import org.aidmatch.contracts.events.OfferPosted;
import org.aidmatch.contracts.events.RequestClosed;
import org.aidmatch.contracts.events.RequestPosted;
import org.aidmatch.contracts.regions.Regions;
import org.aidmatch.contracts.topics.Topics;
import org.aidmatch.service.kafka.TopicFollower.FollowedEvent;

/**
 * What coordinators watch: every decision of the matcher, in stream order, and the gaps between
 * what was requested and what was matched, folded from the requests, offers and matches topics.
 *
 * <p>Every matcher instance reads all partitions of the three topics, whichever tasks it runs,
 * so two instances that split the matching still show the same, complete picture.
 */
public final class CoordinatorView {

    private final List<Decision> decisions = new ArrayList<>();
    private final Map<String, Item> requests = new ConcurrentHashMap<>();
    private final Map<String, Item> offers = new ConcurrentHashMap<>();
    private final List<Consumer<Decision>> listeners = new CopyOnWriteArrayList<>();
    private StreamPosition position = StreamPosition.START;
    private long matchCount;

    /** A request or offer, reduced to what the gaps need. */
    private static final class Item {
        String supplyType;
        String country;
        List<String> serviceArea = List.of();
        long quantity;
        long matched;
        boolean closed;
    }

    public synchronized void apply(FollowedEvent followed) {
        if (followed.event() instanceof RequestPosted posted) {
            Item item = requests.computeIfAbsent(posted.requestId(), id -> new Item());
            item.supplyType = posted.supplyType();
            item.country = posted.country();
            item.quantity = posted.quantity();
        } else if (followed.event() instanceof OfferPosted posted) {
            Item item = offers.computeIfAbsent(posted.offerId(), id -> new Item());
            item.supplyType = posted.supplyType();
            item.serviceArea = posted.serviceArea();
            item.quantity = posted.quantity();
        } else if (followed.event() instanceof MatchEvent decision
                && followed.partition().topic().equals(Topics.MATCHES.name())) {
            decided(decision, followed.partition().partition(), followed.offset());
        }
    }

    /** Where in this view's decisions a client that has seen {@code seen} starts reading. */
    public synchronized int firstNotSeen(StreamPosition seen) {
        for (int i = 0; i < decisions.size(); i++) {
            Decision decision = decisions.get(i);
            if (!seen.hasSeen(decision.partition(), decision.offset())) {
                return i;
            }
        }
        return decisions.size();
    }

    /**
     * Up to {@code max} decisions from index {@code from} on; or, once {@code from} is the end, none,
     * and from then on every new decision goes to {@code listener}, which must only queue it: it is
     * called under the view's lock. Both happen under the lock, so no decision falls between the
     * last page and the first one followed.
     */
    public synchronized List<Decision> pageOrFollow(int from, int max, Consumer<Decision> listener) {
        if (from >= decisions.size()) {
            listeners.add(listener);
            return List.of();
        }
        return List.copyOf(decisions.subList(from, Math.min(decisions.size(), from + max)));
    }

    public void unfollow(Consumer<Decision> listener) {
        listeners.remove(listener);
    }

    /** Matches seen so far; a counter, so that its rate is matches per second. */
    public synchronized long matchCount() {
        return matchCount;
    }

    /** What open requests (or offers, with {@code offers} true) of a supply type still hold. */
    public synchronized long openQuantity(String supplyType, boolean offered) {
        long total = 0;
        for (Item item : (offered ? offers : requests).values()) {
            if (!item.closed && supplyType.equals(item.supplyType)) {
                total += item.quantity - item.matched;
            }
        }
        return total;
    }

    public synchronized List<Decision> decisions() {
        return List.copyOf(decisions);
    }

    public synchronized List<GapRow> gaps() {
        Map<String, long[]> byKey = new HashMap<>();
        for (Item request : requests.values()) {
            if (request.supplyType == null) {
                continue;
            }
            long[] sums = byKey.computeIfAbsent(request.supplyType + "|" + request.country, key -> new long[3]);
            sums[0] += request.quantity;
            sums[1] += request.matched;
            sums[2] += request.closed ? 0 : request.quantity - request.matched;
        }
        List<GapRow> rows = new ArrayList<>();
        byKey.forEach((key, sums) -> {
            String supplyType = key.substring(0, key.indexOf('|'));
            String country = key.substring(key.indexOf('|') + 1);
            String supplyName = SupplyCatalogue.standard()
                    .find(supplyType)
                    .map(SupplyType::name)
                    .orElse(supplyType);
            rows.add(new GapRow(
                    supplyType,
                    supplyName,
                    country,
                    Regions.displayName(country),
                    sums[0],
                    sums[1],
                    sums[2],
                    openOffered(supplyType, country)));
        });
        rows.sort(Comparator.comparingLong(GapRow::unmet)
                .reversed()
                .thenComparing(GapRow::supplyType)
                .thenComparing(GapRow::country));
        return rows;
    }

    private long openOffered(String supplyType, String country) {
        long total = 0;
        for (Item offer : offers.values()) {
            if (!offer.closed
                    && supplyType.equals(offer.supplyType)
                    && offer.serviceArea.stream().anyMatch(code -> Regions.covers(code, country))) {
                total += offer.quantity - offer.matched;
            }
        }
        return total;
    }

    /** Listeners are called under the view's lock: they must only hand the decision on, never block. */
    private void decided(MatchEvent event, int partition, long offset) {
        if (position.hasSeen(partition, offset)) {
            return;
        }
        position = position.after(partition, offset);
        Decision decision = new Decision(event, partition, offset, position);
        decisions.add(decision);
        if (event instanceof MatchMade match) {
            matchCount++;
            requests.computeIfAbsent(match.requestId(), id -> new Item()).matched += match.quantity();
            offers.computeIfAbsent(match.offerId(), id -> new Item()).matched += match.quantity();
        } else if (event instanceof RequestClosed closed) {
            requests.computeIfAbsent(closed.requestId(), id -> new Item()).closed = true;
        } else if (event instanceof OfferClosed closed) {
            offers.computeIfAbsent(closed.offerId(), id -> new Item()).closed = true;
        }
        listeners.forEach(listener -> listener.accept(decision));
    }
}
