package org.aidmatch.matching;

import java.util.TreeSet;

/**
 * The matchable postings of one supply type in one place (a request's country, or one code of an
 * offer's service area), best first by {@link Posting#rank}.
 *
 * <p>The best is kept in a field because an area offer looks at the best of every country queue
 * in its area, dozens per offer, while the queue changes only when a posting arrives or leaves it;
 * in a book of a million entries a tree's first element is a walk of ten nodes, each likely a cache
 * miss.
 */
final class PostingQueue {

    /** How many countries the queue's code covers: 1 for a country (rule 3's specificity). */
    final int countryCount;

    private final TreeSet<Posting> postings = new TreeSet<>();
    private Posting best;

    PostingQueue(int countryCount) {
        this.countryCount = countryCount;
    }

    void add(Posting item) {
        postings.add(item);
        if (best == null || item.rank < best.rank) {
            best = item;
        }
    }

    void remove(Posting item) {
        if (postings.remove(item) && item == best) {
            best = postings.isEmpty() ? null : postings.first();
        }
    }

    /**
     * The best posting that ranks before {@code bound} (or any, when it is null) and that {@code
     * other} has not matched before; null if there is none. Almost always the head: a pair is
     * passed over only after quantity came back to both of its sides.
     */
    Posting bestFor(Posting other, Posting bound) {
        Posting head = best;
        if (head == null || (bound != null && head.rank >= bound.rank)) {
            return null;
        }
        if (!head.hasMatched(other)) {
            return head;
        }
        for (Posting candidate : postings.tailSet(head, false)) {
            if (bound != null && candidate.rank >= bound.rank) {
                return null;
            }
            if (!candidate.hasMatched(other)) {
                return candidate;
            }
        }
        return null;
    }
}
