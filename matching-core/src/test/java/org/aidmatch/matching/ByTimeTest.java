package org.aidmatch.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ByTimeTest {

    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    /** Mostly in order, as the log gives times, with steps back as a restore or a skewed clock gives them. */
    @Test
    void gives_back_everything_before_each_cutoff_earliest_first_whatever_the_order_of_arrival() {
        Random random = new Random(15);
        ByTime<Instant> byTime = new ByTime<>(Function.identity());
        List<Instant> waiting = new ArrayList<>();
        long clock = 0;
        for (int round = 0; round < 200; round++) {
            for (int i = 0; i < 50; i++) {
                clock += random.nextInt(3);
                Instant at = T0.plusSeconds(random.nextInt(10) == 0 ? clock - random.nextInt(100) : clock);
                byTime.add(at);
                waiting.add(at);
            }
            Instant cutoff = T0.plusSeconds(clock - random.nextInt(60));
            List<Instant> polled = new ArrayList<>();
            for (Instant at = byTime.pollBefore(cutoff); at != null; at = byTime.pollBefore(cutoff)) {
                polled.add(at);
            }
            List<Instant> expected = waiting.stream()
                    .filter(at -> at.isBefore(cutoff))
                    .sorted(Comparator.naturalOrder())
                    .toList();
            assertThat(polled).isEqualTo(expected);
            waiting.removeAll(expected);
        }
        assertThat(waiting).isNotEmpty();
    }
}
