package org.aidmatch.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.aidmatch.contracts.events.MatchStatus;
import org.junit.jupiter.api.Test;

class DeadlinesTest {

    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void fires_only_current_deadlines_soonest_first_ties_by_id_through_moves_removals_and_compaction() {
        Deadlines deadlines = new Deadlines();
        Random random = new Random(7);
        List<LiveMatch> all = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            LiveMatch match = match("m" + i, T0.plusSeconds(random.nextInt(100)));
            deadlines.add(match);
            all.add(match);
        }
        List<LiveMatch> standing = new ArrayList<>();
        for (LiveMatch match : all) {
            switch (random.nextInt(3)) {
                case 0 -> deadlines.remove(match); // ended: enough of these to compact the heap
                case 1 -> { // moved on to a later deadline
                    deadlines.remove(match);
                    match.deadline = match.deadline.plusSeconds(1_000);
                    deadlines.add(match);
                    standing.add(match);
                }
                default -> standing.add(match);
            }
        }
        standing.sort(Comparator.comparing((LiveMatch match) -> match.deadline).thenComparing(match -> match.id));

        List<LiveMatch> fired = new ArrayList<>();
        Instant now = T0.plusSeconds(10_000);
        for (LiveMatch due = deadlines.firstDueBefore(now); due != null; due = deadlines.firstDueBefore(now)) {
            fired.add(due);
            deadlines.remove(due);
        }

        assertThat(fired).containsExactlyElementsOf(standing);
        assertThat(deadlines.firstDueBefore(now)).isNull();
    }

    @Test
    void a_deadline_not_yet_passed_does_not_fire() {
        Deadlines deadlines = new Deadlines();
        deadlines.add(match("later", T0.plusSeconds(60)));

        assertThat(deadlines.firstDueBefore(T0.plusSeconds(60))).isNull();
        assertThat(deadlines.firstDueBefore(T0.plusSeconds(61)))
                .extracting(match -> match.id)
                .isEqualTo("later");
    }

    private static LiveMatch match(String id, Instant deadline) {
        return new LiveMatch(id, null, null, 1, MatchStatus.PROPOSED, deadline, T0);
    }
}
