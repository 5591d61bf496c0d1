package org.aidmatch.matching;

import java.time.Duration;
import java.util.function.Predicate;
import org.aidmatch.contracts.catalogue.SupplyCatalogue;

/**
 * The durations a book decides by.
 *
 * @param closedIdHorizon how long a closed id is remembered (rule 7)
 * @param acceptWithin how long a donor has to answer a proposal before it lapses (rule 11)
 * @param confirmWithin how long after dispatch a match without receipt becomes OVERDUE (rule 13)
 * @param supplyTypes which codes are supply types: the seed catalogue by default; the matcher's
 *     live catalogue, where a code once known stays known, so a replay is decided alike
 */
public record BookSettings(
        Duration closedIdHorizon, Duration acceptWithin, Duration confirmWithin, Predicate<String> supplyTypes) {

    public static final BookSettings DEFAULTS =
            new BookSettings(Duration.ofDays(180), Duration.ofHours(48), Duration.ofDays(30));

    public BookSettings(Duration closedIdHorizon, Duration acceptWithin, Duration confirmWithin) {
        this(closedIdHorizon, acceptWithin, confirmWithin, SupplyCatalogue.standard()::contains);
    }

    public BookSettings {
        positive(closedIdHorizon, "the closed-id horizon");
        positive(acceptWithin, "accept-within");
        positive(confirmWithin, "confirm-within");
        if (supplyTypes == null) {
            throw new IllegalArgumentException("which codes are supply types must be given");
        }
    }

    public BookSettings withClosedIdHorizon(Duration horizon) {
        return new BookSettings(horizon, acceptWithin, confirmWithin, supplyTypes);
    }

    public BookSettings withSupplyTypes(Predicate<String> known) {
        return new BookSettings(closedIdHorizon, acceptWithin, confirmWithin, known);
    }

    private static void positive(Duration duration, String what) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, was " + duration);
        }
    }
}
