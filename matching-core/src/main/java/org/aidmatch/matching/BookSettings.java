package org.aidmatch.matching;

import java.time.Duration;

/**
 * The durations a book decides by.
 *
 * @param closedIdHorizon how long a closed id is remembered (rule 7)
 * @param acceptWithin how long a donor has to answer a proposal before it lapses (rule 11)
 * @param confirmWithin how long after dispatch a match without receipt becomes OVERDUE (rule 13)
 */
public record BookSettings(Duration closedIdHorizon, Duration acceptWithin, Duration confirmWithin) {

    public static final BookSettings DEFAULTS =
            new BookSettings(Duration.ofDays(180), Duration.ofHours(48), Duration.ofDays(30));

    public BookSettings {
        positive(closedIdHorizon, "the closed-id horizon");
        positive(acceptWithin, "accept-within");
        positive(confirmWithin, "confirm-within");
    }

    public BookSettings withClosedIdHorizon(Duration horizon) {
        return new BookSettings(horizon, acceptWithin, confirmWithin);
    }

    private static void positive(Duration duration, String what) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, was " + duration);
        }
    }
}
