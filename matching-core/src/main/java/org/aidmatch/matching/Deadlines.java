package org.aidmatch.matching;

import java.time.Instant;
import java.util.PriorityQueue;

/**
 * Standing matches by their next deadline: the soonest first, ties by match id, so that a replay
 * fires them in the same order.
 *
 * <p>A heap with lazy removal rather than a sorted set: nearly every match gets a deadline when it
 * is made, and a heap insert costs about one comparison where a tree insert walks and rebalances
 * twenty levels of a large book. A match that moves on or ends only forgets its entry; forgotten
 * entries are dropped when they reach the top, and all at once when they outnumber the live ones,
 * so the heap never holds more than about twice the matches with a deadline.
 */
final class Deadlines {

    /** One deadline of one match; it counts only while it is the match's current one. */
    static final class Due implements Comparable<Due> {
        final Instant at;
        final LiveMatch match;

        private Due(Instant at, LiveMatch match) {
            this.at = at;
            this.match = match;
        }

        /** Soonest first, ties by match id; written out because the heap compares at every step. */
        @Override
        public int compareTo(Due other) {
            int byTime = at.compareTo(other.at);
            return byTime != 0 ? byTime : match.id.compareTo(other.match.id);
        }
    }

    private static final int SLACK = 1_024;

    private final PriorityQueue<Due> queue = new PriorityQueue<>();
    private int live;

    /** Puts the match under its current deadline, which must be set. */
    void add(LiveMatch match) {
        match.due = new Due(match.deadline, match);
        queue.add(match.due);
        live++;
    }

    /** Takes the match out, before its deadline changes or it ends. */
    void remove(LiveMatch match) {
        if (match.due == null) {
            return;
        }
        match.due = null;
        live--;
        if (queue.size() > 2 * live + SLACK) {
            queue.removeIf(due -> due.match.due != due);
        }
    }

    /** The match whose deadline is the soonest, if it is before {@code now}; otherwise null. */
    LiveMatch firstDueBefore(Instant now) {
        for (Due head = queue.peek(); head != null; head = queue.peek()) {
            if (head.match.due != head) {
                queue.poll();
                continue;
            }
            return head.at.isBefore(now) ? head.match : null;
        }
        return null;
    }
}
