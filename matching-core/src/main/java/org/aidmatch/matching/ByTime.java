package org.aidmatch.matching;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.function.Function;

/**
 * Items by a time, the earliest first, for forgetting the oldest.
 *
 * <p>Times nearly always come in order, the book's clock following the log, so those go on the
 * end of a deque, one step each; only a time earlier than the last one (a restore, or a log whose
 * clock stepped back) goes in a heap. A heap alone cost a dozen comparisons per closing and was a
 * sixth of an event's time in a small book.
 */
final class ByTime<T> {

    private final Function<T, Instant> timeOf;
    private final ArrayDeque<T> inOrder = new ArrayDeque<>();
    private final PriorityQueue<T> outOfOrder;

    ByTime(Function<T, Instant> timeOf) {
        this.timeOf = timeOf;
        this.outOfOrder = new PriorityQueue<>(Comparator.comparing(timeOf));
    }

    void add(T item) {
        T last = inOrder.peekLast();
        if (last == null || !timeOf.apply(item).isBefore(timeOf.apply(last))) {
            inOrder.addLast(item);
        } else {
            outOfOrder.add(item);
        }
    }

    /** Takes out and returns the earliest item if its time is before {@code cutoff}; otherwise null. */
    T pollBefore(Instant cutoff) {
        T first = inOrder.peekFirst();
        T other = outOfOrder.peek();
        boolean fromHeap =
                first == null || (other != null && timeOf.apply(other).isBefore(timeOf.apply(first)));
        T earliest = fromHeap ? other : first;
        if (earliest == null || !timeOf.apply(earliest).isBefore(cutoff)) {
            return null;
        }
        return fromHeap ? outOfOrder.poll() : inOrder.pollFirst();
    }
}
