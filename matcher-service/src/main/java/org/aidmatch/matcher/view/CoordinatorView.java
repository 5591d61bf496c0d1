package org.aidmatch.matcher.view;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.aidmatch.contracts.events.MatchEvent;
import org.aidmatch.contracts.events.MatchMade;
import org.aidmatch.contracts.events.OfferClosed;
import org.aidmatch.contracts.events.OfferPosted;
import org.aidmatch.contracts.events.RequestClosed;
import org.aidmatch.contracts.events.RequestPosted;
import org.aidmatch.contracts.topics.Topics;
import org.aidmatch.matcher.view.GapRows.Item;
import org.aidmatch.service.kafka.TopicFollower.FollowedEvent;

/**
 * What coordinators watch: every decision of the matcher, in stream order, and the gaps between
 * what was requested and what was matched, folded from the requests, offers and matches topics.
 *
 * <p>Every matcher instance reads all partitions of the three topics, whichever tasks it runs,
 * so two instances that split the matching still show the same, complete picture.
 *
 * <p>It keeps every decision, request and offer for as long as the matcher runs, since coordinators
 * page through the whole history and Kafka keeps it all: memory grows with the history (see
 * BENCHMARKS.md for what 100,000 of each cost). Pages, exports and gaps read it in place, under
 * the lock, and copy only what they answer.
 */
public final class CoordinatorView {

    /** Newest first by the matcher's own time, then by id: the same order on every instance. */
    public static final Comparator<MatchMade> NEWEST_FIRST =
            Comparator.comparing(MatchMade::occurredAt).reversed().thenComparing(MatchMade::matchId);

    private final List<Decision> decisions = new ArrayList<>();
    private final NavigableSet<MatchMade> matchesNewestFirst = new TreeSet<>(NEWEST_FIRST);
    private final Map<String, Item> requests = new HashMap<>();
    private final Map<String, Item> offers = new HashMap<>();
    private final GapRows gaps = new GapRows();
    private final List<Consumer<Decision>> listeners = new CopyOnWriteArrayList<>();
    private StreamPosition position = StreamPosition.START;

    /** One page of matches, and how many passed the filter in all. */
    public record MatchPage(List<MatchMade> items, long total) {}

    public synchronized void apply(FollowedEvent followed) {
        if (followed.event() instanceof RequestPosted posted) {
            changeRequest(posted.requestId(), item -> {
                item.supplyType = posted.supplyType();
                item.country = posted.country();
                item.quantity = posted.quantity();
            });
        } else if (followed.event() instanceof OfferPosted posted) {
            changeOffer(posted.offerId(), item -> {
                item.supplyType = posted.supplyType();
                item.serviceArea = posted.serviceArea();
                item.quantity = posted.quantity();
            });
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
        return matchesNewestFirst.size();
    }

    /** What open requests (or offers, with {@code offered} true) of a supply type still hold. */
    public synchronized long openQuantity(String supplyType, boolean offered) {
        return gaps.openQuantity(supplyType, offered);
    }

    /** Page {@code page} (from 0) of the matches that pass {@code filter}, newest first. */
    public synchronized MatchPage matches(Predicate<MatchMade> filter, int page, int size) {
        long skip = (long) page * size;
        long total = 0;
        List<MatchMade> items = new ArrayList<>(size);
        for (MatchMade match : matchesNewestFirst) {
            if (filter.test(match)) {
                if (total >= skip && items.size() < size) {
                    items.add(match);
                }
                total++;
            }
        }
        return new MatchPage(items, total);
    }

    /** Every match that passes {@code filter}, newest first, to {@code row}, under the view's lock. */
    public synchronized void forEachMatch(Predicate<MatchMade> filter, Consumer<MatchMade> row) {
        for (MatchMade match : matchesNewestFirst) {
            if (filter.test(match)) {
                row.accept(match);
            }
        }
    }

    public synchronized List<GapRow> gaps() {
        return gaps.rows();
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
            matchesNewestFirst.add(match);
            changeRequest(match.requestId(), item -> item.matched += match.quantity());
            changeOffer(match.offerId(), item -> item.matched += match.quantity());
        } else if (event instanceof RequestClosed closed) {
            changeRequest(closed.requestId(), item -> item.closed = true);
        } else if (event instanceof OfferClosed closed) {
            changeOffer(closed.offerId(), item -> item.closed = true);
        }
        listeners.forEach(listener -> listener.accept(decision));
    }

    private void changeRequest(String id, Consumer<Item> change) {
        Item item = requests.computeIfAbsent(id, any -> new Item());
        gaps.beforeRequestChange(item);
        change.accept(item);
        gaps.afterRequestChange(item);
    }

    private void changeOffer(String id, Consumer<Item> change) {
        Item item = offers.computeIfAbsent(id, any -> new Item());
        gaps.beforeOfferChange(item);
        change.accept(item);
        gaps.afterOfferChange(item);
    }
}
