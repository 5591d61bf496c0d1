package org.aidmatch.bench;

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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Events per second through the matching core, on one thread, with a book already holding
 * {@code openEntries} waiting requests and offers.
 *
 * <p>The book: the 19 catalogue supply types, 100 countries; waiting requests in Africa and Asia,
 * waiting offers for countries and sub-regions of Europe and the Americas, so nothing crosses.
 * The load: alternately a new request in Africa or Asia and a new offer of the same size for its
 * country, sub-region or continent, so that each offer fills one waiting request (picked by urgency
 * among all the requests its area covers) and the book keeps its size.
 *
 * <p>{@code mix}: "postings" is only that, and its proposals stand (no time passes, no one
 * answers); "lifecycle" also carries every match through accept, dispatch and receipt, one command
 * per operation as it comes due, so that matches end and their postings close, as in real use.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
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
        matchingBook = book.equals("reference") ? new ReferenceMatchingBook() : new IndexedMatchingBook();
        random = new Random(2020);
        String[] europeAndAmericas = {"150", "151", "154", "155", "039", "019", "021", "005", "013"};
        for (int i = 0; i < openEntries; i++) {
            String supply = supplyTypes[i % supplyTypes.length];
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
        List<MatchEvent> decided;
        MatchCommand command = dueCommands.poll();
        if (command != null) {
            decided = matchingBook.apply(command, NOW);
        } else {
            String supply = supplyTypes[(int) (next % supplyTypes.length)];
            int country = random.nextInt(needyCountries.length);
            if ((next & 1) == 0) {
                decided = matchingBook.apply(request(supply, needyCountries[country]), NOW);
            } else {
                String[] areas = offerAreasFor[country];
                decided = matchingBook.apply(offer(supply, areas[random.nextInt(areas.length)]), NOW);
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
