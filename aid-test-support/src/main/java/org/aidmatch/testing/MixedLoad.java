package org.aidmatch.testing;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.aidmatch.contracts.catalogue.SupplyCatalogue;
import org.aidmatch.contracts.catalogue.SupplyType;
import org.aidmatch.contracts.events.AidEvent;
import org.aidmatch.contracts.events.Urgency;

/**
 * Needs and offers in random sizes, urgencies, countries and areas (countries, sub-regions,
 * continents, the world), so that fills are partial, areas overlap and priority decides; the same
 * every time for the same count. Ids end in {@code -run}, so a test tells its own decisions apart.
 */
public final class MixedLoad {

    private static final List<String> COUNTRIES = List.of("KE", "TZ", "ET", "PK", "UZ", "KG", "AF", "BD", "NP", "SO");
    private static final List<String> AREAS = List.of("KE", "PK", "014", "002", "143", "034", "142", "202", "001");

    private MixedLoad() {}

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
            Instant at = start.plusMillis(i);
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
