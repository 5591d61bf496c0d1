package org.aidmatch.testing;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;
import org.aidmatch.contracts.catalogue.SupplyCatalogue;
import org.aidmatch.contracts.catalogue.SupplyType;
import org.aidmatch.contracts.commands.AcceptMatch;
import org.aidmatch.contracts.commands.ConfirmReceipt;
import org.aidmatch.contracts.commands.DeclineMatch;
import org.aidmatch.contracts.commands.DispatchMatch;
import org.aidmatch.contracts.commands.MatchCommand;
import org.aidmatch.contracts.events.Actor;
import org.aidmatch.contracts.events.AidEvent;
import org.aidmatch.contracts.events.MatchEndReason;
import org.aidmatch.contracts.events.MatchEvent;
import org.aidmatch.contracts.events.MatchMade;
import org.aidmatch.contracts.events.MatchStatus;
import org.aidmatch.contracts.events.MatchStatusChanged;
import org.aidmatch.contracts.events.Party;
import org.aidmatch.contracts.events.Urgency;
import org.aidmatch.matching.IndexedMatchingBook;
import org.aidmatch.matching.MatchingBook;

/**
 * Needs and offers in random sizes, urgencies, countries and areas (countries, sub-regions,
 * continents, the world), so that fills are partial, areas overlap and priority decides; the same
 * every time for the same count. Ids end in {@code -run}, so a test tells its own decisions apart.
 */
public final class MixedLoad {

    private static final List<String> COUNTRIES = List.of("KE", "TZ", "ET", "PK", "UZ", "KG", "AF", "BD", "NP", "SO");
    private static final List<String> AREAS = List.of("KE", "PK", "014", "002", "143", "034", "142", "202", "001");

    private static final long GAP_MILLIS = 4;

    private MixedLoad() {}

    /** {@link #events} with commands on their matches between them, as {@link #withCommands} adds them. */
    public static List<AidEvent> eventsWithCommands(int count, String run) {
        return withCommands(events(count, run), run);
    }

    /**
     * Adds commands on the matches the postings make, as parties would give them: some matches are
     * accepted, dispatched short and received short, some declined by the donor, some by the
     * requester, the rest left alone. Each command goes into the gap after a later posting, so
     * that every record has a time of its own and a matcher reading the topics together decides
     * them in the same order as {@link MatcherOracle}. The postings must be at least four
     * milliseconds apart.
     */
    public static List<AidEvent> withCommands(List<AidEvent> postings, String run) {
        Random random = new Random(7);
        MatchingBook book = new IndexedMatchingBook();
        Map<Integer, List<Function<Instant, MatchCommand>>> due = new HashMap<>();
        List<AidEvent> out = new ArrayList<>();
        int[] commands = {0};
        for (int i = 0; i < postings.size(); i++) {
            AidEvent posting = postings.get(i);
            out.add(posting);
            int at = i;
            Consumer<List<MatchEvent>> schedule = decisions -> schedule(decisions, at, due, random, run, commands);
            schedule.accept(MatcherOracle.apply(book, posting));
            List<Function<Instant, MatchCommand>> now = due.remove(i);
            if (now == null) {
                continue;
            }
            for (int slot = 0; slot < now.size(); slot++) {
                if (slot >= GAP_MILLIS - 1) {
                    due.computeIfAbsent(i + 1, next -> new ArrayList<>()).add(now.get(slot));
                    continue;
                }
                MatchCommand command = now.get(slot).apply(posting.occurredAt().plusMillis(slot + 1));
                out.add(command);
                schedule.accept(book.apply(command, command.occurredAt()));
            }
        }
        return out;
    }

    private static void schedule(
            List<MatchEvent> decisions,
            int at,
            Map<Integer, List<Function<Instant, MatchCommand>>> due,
            Random random,
            String run,
            int[] commands) {
        for (MatchEvent decision : decisions) {
            Function<Instant, MatchCommand> next = null;
            if (decision instanceof MatchMade made) {
                Actor donor = new Actor(made.donorOrganization(), Party.DONOR);
                Actor requester = new Actor(made.requesterOrganization(), Party.REQUESTER);
                int choice = random.nextInt(10);
                if (choice < 4) {
                    next = time ->
                            new AcceptMatch(id(commands, run), made.matchId(), made.supplyType(), donor, time, 1);
                } else if (choice < 6) {
                    next = time -> new DeclineMatch(
                            id(commands, run),
                            made.matchId(),
                            made.supplyType(),
                            donor,
                            MatchEndReason.CANNOT_REACH_AREA,
                            null,
                            time,
                            1);
                } else if (choice < 7) {
                    next = time -> new DeclineMatch(
                            id(commands, run),
                            made.matchId(),
                            made.supplyType(),
                            requester,
                            MatchEndReason.NO_LONGER_NEEDED,
                            null,
                            time,
                            1);
                }
            } else if (decision instanceof MatchStatusChanged change && change.status() == MatchStatus.ACCEPTED) {
                Actor donor = new Actor(change.donorOrganization(), Party.DONOR);
                long shipped = Math.max(1, change.quantity() - random.nextInt(3));
                next = time -> new DispatchMatch(
                        id(commands, run), change.matchId(), change.supplyType(), donor, shipped, null, null, time, 1);
            } else if (decision instanceof MatchStatusChanged change && change.status() == MatchStatus.DISPATCHED) {
                Actor requester = new Actor(change.requesterOrganization(), Party.REQUESTER);
                long received = Math.max(0, change.shippedQuantity() - random.nextInt(2));
                next = time -> new ConfirmReceipt(
                        id(commands, run), change.matchId(), change.supplyType(), requester, received, null, time, 1);
            }
            if (next != null) {
                due.computeIfAbsent(at + 1 + random.nextInt(6), later -> new ArrayList<>())
                        .add(next);
            }
        }
    }

    private static String id(int[] commands, String run) {
        return "c" + ++commands[0] + "-" + run;
    }

    public static List<AidEvent> events(int count, String run) {
        Random random = new Random(42);
        List<String> supplyTypes = SupplyCatalogue.standard().all().stream()
                .map(SupplyType::code)
                .limit(8)
                .toList();
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<AidEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String supplyType = supplyTypes.get(random.nextInt(supplyTypes.size()));
            // Four milliseconds apart: commands go into the gaps (see withCommands).
            Instant at = start.plusMillis(GAP_MILLIS * i);
            if (random.nextBoolean()) {
                events.add(Events.request(
                        "r" + i + "-" + run,
                        supplyType,
                        1 + random.nextInt(80),
                        COUNTRIES.get(random.nextInt(COUNTRIES.size())),
                        Urgency.values()[random.nextInt(3)],
                        null,
                        at));
            } else {
                events.add(Events.offer(
                        "o" + i + "-" + run,
                        supplyType,
                        1 + random.nextInt(80),
                        null,
                        at,
                        AREAS.get(random.nextInt(AREAS.size()))));
            }
        }
        return events;
    }
}
