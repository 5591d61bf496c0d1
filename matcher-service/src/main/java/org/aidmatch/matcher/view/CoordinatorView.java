package org.aidmatch.matcher.view;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.aidmatch.contracts.catalogue.SupplyCatalogue;
import org.aidmatch.contracts.catalogue.SupplyType;
import org.aidmatch.contracts.events.CommandRefused;
import org.aidmatch.contracts.events.MatchEvent;
import org.aidmatch.contracts.events.MatchMade;
import org.aidmatch.contracts.events.MatchStatus;
import org.aidmatch.contracts.events.MatchStatusChanged;
import org.aidmatch.contracts.events.OfferClosed;
import org.aidmatch.contracts.events.OfferPosted;
import org.aidmatch.contracts.events.RequestClosed;
import org.aidmatch.contracts.events.RequestPosted;
import org.aidmatch.contracts.topics.Topics;
import org.aidmatch.matcher.view.GapRows.Item;
import org.aidmatch.service.kafka.TopicFollower.FollowedEvent;
import org.aidmatch.service.matches.MatchDetails;
import org.aidmatch.service.matches.MatchProgress;

/**
 * What coordinators watch: every decision of the matcher, in stream order, every match with its
 * status and history, and the gaps between what was requested and what was matched, committed,
 * dispatched and delivered, folded from the requests, offers and matches topics.
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

    /** How many command outcomes are kept for the edge that waits on them; a few seconds' worth. */
    static final int OUTCOMES_KEPT = 10_000;

    private final List<Decision> decisions = new ArrayList<>();
    private final NavigableSet<MatchMade> matchesNewestFirst = new TreeSet<>(NEWEST_FIRST);
    private final Map<String, MatchProgress> progress = new HashMap<>();
    /** The matches that stand, for the stalled list: it scans these, not the whole history. */
    private final Set<String> standing = new LinkedHashSet<>();

    private final Map<String, CommandOutcome> outcomes = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CommandOutcome> eldest) {
            return size() > OUTCOMES_KEPT;
        }
    };
    private final Map<String, long[]> endedBySupply = new HashMap<>();
    private final Map<String, Item> requests = new HashMap<>();
    private final Map<String, Item> offers = new HashMap<>();
    private final GapRows gaps;
    private final List<Consumer<Decision>> listeners = new CopyOnWriteArrayList<>();
    private StreamPosition position = StreamPosition.START;

    /** Whether anything of a supply type was ever requested or offered, as far as this view has read. */
    public synchronized boolean hasPostings(String supplyType) {
        return requests.values().stream().anyMatch(item -> supplyType.equals(item.supplyType))
                || offers.values().stream().anyMatch(item -> supplyType.equals(item.supplyType));
    }

    /** A request or offer the matcher has not closed. */
    public record OpenPosting(boolean request, String id, String supplyType) {}

    /**
     * The requests and offers of an organisation that the matcher has not closed, for a suspension
     * to withdraw; a scan of every posting, which a rare coordinator's decision can afford.
     */
    public synchronized List<OpenPosting> openPostingsOf(String organization) {
        List<OpenPosting> open = new ArrayList<>();
        requests.forEach((id, item) -> {
            if (item.posted() && !item.closed && organization.equals(item.organization)) {
                open.add(new OpenPosting(true, id, item.supplyType));
            }
        });
        offers.forEach((id, item) -> {
            if (item.posted() && !item.closed && organization.equals(item.organization)) {
                open.add(new OpenPosting(false, id, item.supplyType));
            }
        });
        open.sort(Comparator.comparing(OpenPosting::id));
        return open;
    }

    /** Names supply types as the seed catalogue does. */
    public CoordinatorView() {
        this(code -> SupplyCatalogue.standard().find(code).map(SupplyType::name).orElse(code));
    }

    /** @param supplyNames the name of a supply type code, for the gap rows */
    public CoordinatorView(Function<String, String> supplyNames) {
        this.gaps = new GapRows(supplyNames);
    }

    /** One page of matches, and how many passed the filter in all. */
    public record MatchPage(List<MatchDetails> items, long total) {}

    /**
     * What the matcher made of a command: the match it moved, or why it refused.
     *
     * @param refusedStatus the status when refused; {@code null} for a match the matcher does not hold
     */
    public record CommandOutcome(String commandId, String matchId, String refusal, MatchStatus refusedStatus) {

        public boolean refused() {
            return refusal != null;
        }
    }

    public synchronized void apply(FollowedEvent followed) {
        if (followed.event() instanceof RequestPosted posted) {
            changeRequest(posted.requestId(), item -> {
                item.supplyType = posted.supplyType();
                item.organization = posted.organization();
                item.country = posted.country();
                item.quantity = posted.quantity();
            });
        } else if (followed.event() instanceof OfferPosted posted) {
            changeOffer(posted.offerId(), item -> {
                item.supplyType = posted.supplyType();
                item.organization = posted.organization();
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
    public synchronized MatchPage matches(Predicate<MatchDetails> filter, int page, int size) {
        long skip = (long) page * size;
        long total = 0;
        List<MatchDetails> items = new ArrayList<>(size);
        for (MatchMade match : matchesNewestFirst) {
            MatchDetails details = progress.get(match.matchId()).details();
            if (filter.test(details)) {
                if (total >= skip && items.size() < size) {
                    items.add(details);
                }
                total++;
            }
        }
        return new MatchPage(items, total);
    }

    /** Every match that passes {@code filter}, newest first, to {@code row}, under the view's lock. */
    public synchronized void forEachMatch(Predicate<MatchDetails> filter, Consumer<MatchDetails> row) {
        for (MatchMade match : matchesNewestFirst) {
            MatchDetails details = progress.get(match.matchId()).details();
            if (filter.test(details)) {
                row.accept(details);
            }
        }
    }

    public synchronized Optional<MatchDetails> match(String matchId) {
        return Optional.ofNullable(progress.get(matchId)).map(MatchProgress::details);
    }

    /** What the matcher made of a command, once this view has read it. */
    public synchronized Optional<CommandOutcome> outcome(String commandId) {
        return Optional.ofNullable(outcomes.get(commandId));
    }

    /**
     * What needs a coordinator's eye: proposals whose answer is due before {@code dueBefore}, and
     * overdue deliveries; the most pressing first (by deadline, overdue ones by their dispatch deadline).
     */
    public synchronized List<MatchDetails> stalled(Instant dueBefore) {
        List<MatchDetails> stalled = new ArrayList<>();
        for (String id : standing) {
            MatchDetails match = progress.get(id).details();
            boolean nearDeadline = match.status() == MatchStatus.PROPOSED
                    && match.respondBy() != null
                    && match.respondBy().isBefore(dueBefore);
            if (nearDeadline || match.status() == MatchStatus.OVERDUE) {
                stalled.add(match);
            }
        }
        stalled.sort(Comparator.comparing(
                        (MatchDetails match) ->
                                match.status() == MatchStatus.OVERDUE ? match.confirmBy() : match.respondBy(),
                        Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(MatchDetails::matchId));
        return stalled;
    }

    /** Matches of a supply type that ended as {@code status} (LAPSED or DECLINED); a counter. */
    public synchronized long endedCount(String supplyType, MatchStatus status) {
        long[] counts = endedBySupply.get(supplyType);
        return counts == null ? 0 : counts[status.ordinal()];
    }

    /** What was delivered of a supply type; a counter. */
    public synchronized long deliveredQuantity(String supplyType) {
        long[] counts = endedBySupply.get(supplyType);
        return counts == null ? 0 : counts[MatchStatus.values().length];
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
            if (!progress.containsKey(match.matchId())) {
                matchesNewestFirst.add(match);
                MatchProgress made = new MatchProgress(match);
                moved(made, () -> progress.put(match.matchId(), made), match);
            }
        } else if (event instanceof MatchStatusChanged change) {
            MatchProgress match = progress.get(change.matchId());
            if (match != null) {
                boolean[] applied = new boolean[1];
                moved(match, () -> applied[0] = match.apply(change), change);
                if (applied[0]) {
                    count(change);
                }
                if (change.commandId() != null) {
                    outcomes.put(
                            change.commandId(), new CommandOutcome(change.commandId(), change.matchId(), null, null));
                }
            }
        } else if (event instanceof CommandRefused refused) {
            // A retried command may be refused after the first was carried out: the first answer stands.
            outcomes.putIfAbsent(
                    refused.commandId(),
                    new CommandOutcome(refused.commandId(), refused.matchId(), refused.problem(), refused.status()));
        } else if (event instanceof RequestClosed closed) {
            changeRequest(closed.requestId(), item -> item.closed = true);
        } else if (event instanceof OfferClosed closed) {
            changeOffer(closed.offerId(), item -> item.closed = true);
        }
        listeners.forEach(listener -> listener.accept(decision));
    }

    /**
     * Takes a match's part out of its request's and offer's gap items, changes the match, and puts
     * its new part back, with the open quantities the event reports.
     */
    private void moved(MatchProgress match, Runnable change, MatchEvent event) {
        MatchMade pair = match.made();
        Item request = requests.computeIfAbsent(pair.requestId(), any -> new Item());
        Item offer = offers.computeIfAbsent(pair.offerId(), any -> new Item());
        gaps.beforeRequestChange(request);
        gaps.beforeOfferChange(offer);
        if (!(event instanceof MatchMade)) {
            // A match just made had no part yet.
            contribute(request, match, -1);
            contribute(offer, match, -1);
        }
        change.run();
        contribute(request, match, +1);
        contribute(offer, match, +1);
        if (event instanceof MatchMade made && made.status() == null) {
            request.matchedBeforeTheLifecycle += made.quantity();
            offer.matchedBeforeTheLifecycle += made.quantity();
        } else if (event instanceof MatchMade made) {
            request.reportedOpen = made.requestOpen();
            offer.reportedOpen = made.offerOpen();
        } else if (event instanceof MatchStatusChanged moved) {
            request.reportedOpen = moved.requestOpen();
            offer.reportedOpen = moved.offerOpen();
        }
        gaps.afterRequestChange(request);
        gaps.afterOfferChange(offer);
        if (match.standing()) {
            standing.add(pair.matchId());
        } else {
            standing.remove(pair.matchId());
        }
    }

    private static void contribute(Item item, MatchProgress match, int sign) {
        item.proposed += sign * match.proposed();
        item.committed += sign * match.committed();
        item.dispatched += sign * match.dispatched();
        item.delivered += sign * match.delivered();
    }

    /** Counts lapsed and declined matches, and delivered quantity, by supply type. */
    private void count(MatchStatusChanged change) {
        long[] counts =
                endedBySupply.computeIfAbsent(change.supplyType(), any -> new long[MatchStatus.values().length + 1]);
        counts[change.status().ordinal()]++;
        if (change.status() == MatchStatus.RECEIVED) {
            counts[MatchStatus.values().length] += change.receivedQuantity();
        }
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
