package org.aidmatch.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.aidmatch.contracts.catalogue.SupplyCatalogue;
import org.aidmatch.contracts.catalogue.SupplyType;
import org.aidmatch.contracts.commands.AcceptMatch;
import org.aidmatch.contracts.commands.ConfirmReceipt;
import org.aidmatch.contracts.commands.DispatchMatch;
import org.aidmatch.contracts.commands.MatchCommand;
import org.aidmatch.contracts.events.Actor;
import org.aidmatch.contracts.events.AidEvent;
import org.aidmatch.contracts.events.MatchEvent;
import org.aidmatch.contracts.events.MatchMade;
import org.aidmatch.contracts.events.MatchStatus;
import org.aidmatch.contracts.events.MatchStatusChanged;
import org.aidmatch.contracts.events.OfferPosted;
import org.aidmatch.contracts.events.Party;
import org.aidmatch.contracts.events.RequestPosted;
import org.aidmatch.contracts.events.Urgency;
import org.aidmatch.contracts.regions.Regions;
import org.aidmatch.matching.IndexedMatchingBook;
import org.aidmatch.matching.MatchingBook;
import org.aidmatch.matching.ReferenceMatchingBook;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Events per second through the matching core, on one thread, with a book already holding
 * {@code openEntries} waiting requests and offers.
 *
 * <p>The book: the standard catalogue's supply types, 100 countries; waiting requests in Africa and Asia,
 * waiting offers for countries and sub-regions of Europe and the Americas, so nothing crosses.
 * The load: alternately a new request in Africa or Asia, of a random supply type, and a new offer
 * of the same type and size for its country, sub-region or continent, so that each offer fills one
 * waiting request (picked by urgency among all the requests its area covers) and the book keeps its
 * size.
 *
 * <p>{@code mix}: "postings" is only that, and its proposals stand (no time passes, no one
 * answers); "lifecycle" also carries every match through accept, dispatch and receipt, one command
 * per operation as it comes due, so that matches end and their postings close, as in real use.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
// Eight: with three, a fork at 10,000 entries could still be in a slow compiled version of the
// hot path (about a fifth of the speed) for its first measured iterations.
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
public class MatchingBookBenchmark {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final long QUANTITY = 10;
    private static final Actor DONOR = new Actor("donor", Party.DONOR);
    private static final Actor REQUESTER = new Actor("hospital", Party.REQUESTER);

    @Param({"10000", "1000000"})
    int openEntries;

    /** "reference" is the naive book, the oracle of the tests: a baseline that shows what the indexes buy. */
    @Param({"indexed"})
    String book;

    @Param({"postings", "lifecycle"})
    String mix;

    private final ArrayDeque<MatchCommand> dueCommands = new ArrayDeque<>();

    private MatchingBook matchingBook;
    private String[] supplyTypes;
    private String[] needyCountries;
    private String[][] offerAreasFor;
    private long next;
    private Random random;
    /** The supply type and country of the request just posted, which the next offer serves; null after it. */
    private String waitingSupply;

    private int waitingCountry;
    private long matchesMade;
    private long events;

    @Setup(Level.Trial)
    public void fillTheBook() {
        supplyTypes =
                SupplyCatalogue.standard().all().stream().map(SupplyType::code).toArray(String[]::new);
        List<String> needy = new ArrayList<>();
        List<String> served = new ArrayList<>();
        for (String country : Regions.countries()) {
            if ((Regions.covers("002", country) || Regions.covers("142", country)) && needy.size() < 50) {
                needy.add(country);
            } else if ((Regions.covers("150", country) || Regions.covers("019", country)) && served.size() < 50) {
                served.add(country);
            }
        }
        needyCountries = needy.toArray(String[]::new);
        offerAreasFor = new String[needyCountries.length][];
        for (int i = 0; i < needyCountries.length; i++) {
            List<String> codes = Regions.codesCovering(needyCountries[i]);
            // the country itself, its sub-region and its continent, never the world
            offerAreasFor[i] =
                    codes.stream().filter(code -> !code.equals("001")).limit(3).toArray(String[]::new);
        }
        // Time passes a millisecond per event and closed ids are kept for as many milliseconds as the
        // book has open entries, so the closed ids it holds stay in proportion to the book (about
        // 0.4 per open entry) instead of piling up for the whole run, which made the figures those
        // of an ever larger hash table and of the garbage collector copying it.
        Duration horizon = Duration.ofMillis(openEntries);
        matchingBook = book.equals("reference") ? new ReferenceMatchingBook(horizon) : new IndexedMatchingBook(horizon);
        random = new Random(2020);
        String[] europeAndAmericas = {"150", "151", "154", "155", "039", "019", "021", "005", "013"};
        for (int i = 0; i < openEntries; i++) {
            // Pairs of one supply type, so that requests and offers share types whatever the catalogue's size.
            String supply = supplyTypes[(i / 2) % supplyTypes.length];
            if (i % 2 == 0) {
                matchingBook.apply(request(supply, needyCountries[random.nextInt(needyCountries.length)]), NOW);
            } else {
                String area = random.nextBoolean()
                        ? served.get(random.nextInt(served.size()))
                        : europeAndAmericas[random.nextInt(europeAndAmericas.length)];
                matchingBook.apply(offer(supply, area), NOW);
            }
        }
        if (matchingBook.openEntries().size() != openEntries) {
            throw new IllegalStateException(
                    "the starting book crossed: " + matchingBook.openEntries().size() + " open");
        }
        matchingBook.takeChanges();
    }

    @Benchmark
    public List<MatchEvent> oneEvent(Blackhole changes) {
        Instant now = NOW.plusMillis(++events);
        List<MatchEvent> decided;
        MatchCommand command = dueCommands.poll();
        if (command != null) {
            decided = matchingBook.apply(command, now);
        } else if (waitingSupply == null) {
            waitingSupply = supplyTypes[random.nextInt(supplyTypes.length)];
            waitingCountry = random.nextInt(needyCountries.length);
            decided = matchingBook.apply(request(waitingSupply, needyCountries[waitingCountry]), now);
        } else {
            String[] areas = offerAreasFor[waitingCountry];
            decided = matchingBook.apply(offer(waitingSupply, areas[random.nextInt(areas.length)]), now);
            waitingSupply = null;
        }
        for (MatchEvent decision : decided) {
            if (decision instanceof MatchMade) {
                matchesMade++;
            }
        }
        if (mix.equals("lifecycle")) {
            for (MatchEvent decision : decided) {
                nextStep(decision);
            }
        }
        // As the matcher's processor does after every record: what changed goes to its stores.
        // Left to pile up, the changes would be a cost no real run pays.
        changes.consume(matchingBook.takeChanges());
        return decided;
    }

    /**
     * A load that stops matching measures a book that only grows, as this one did unnoticed once the
     * catalogue reached an even number of types; so an iteration without matches is an error.
     */
    @TearDown(Level.Iteration)
    public void checkThatItMatched() {
        if (matchesMade == 0) {
            throw new IllegalStateException("no match was made in the iteration: the load does not match");
        }
        matchesMade = 0;
    }

    /** The command a party gives next on a match that just moved. */
    private void nextStep(MatchEvent decision) {
        String id = "c" + next++;
        if (decision instanceof MatchMade made) {
            dueCommands.add(new AcceptMatch(id, made.matchId(), made.supplyType(), DONOR, NOW, 1));
        } else if (decision instanceof MatchStatusChanged change && change.status() == MatchStatus.ACCEPTED) {
            dueCommands.add(new DispatchMatch(
                    id, change.matchId(), change.supplyType(), DONOR, change.quantity(), null, null, NOW, 1));
        } else if (decision instanceof MatchStatusChanged change && change.status() == MatchStatus.DISPATCHED) {
            dueCommands.add(new ConfirmReceipt(
                    id, change.matchId(), change.supplyType(), REQUESTER, change.shippedQuantity(), null, NOW, 1));
        }
    }

    private RequestPosted request(String supply, String country) {
        String id = Long.toString(next++);
        return new RequestPosted(
                id,
                id,
                "hospital",
                supply,
                QUANTITY,
                country,
                Urgency.values()[(int) (next % 3)],
                null,
                null,
                NOW,
                AidEvent.CURRENT_SCHEMA_VERSION);
    }

    private OfferPosted offer(String supply, String area) {
        String id = Long.toString(next++);
        return new OfferPosted(
                id, id, "donor", supply, QUANTITY, List.of(area), null, null, NOW, AidEvent.CURRENT_SCHEMA_VERSION);
    }
}
