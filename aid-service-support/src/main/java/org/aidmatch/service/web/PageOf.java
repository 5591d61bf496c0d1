package org.aidmatch.service.web;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.aidmatch.service.problem.Problems;

/** One page of a list answer: {@code {items, page, size, total}}, pages counted from 0. */
public record PageOf<T>(List<T> items, int page, int size, long total) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    /** Sorts, counts and cuts one page out of everything that matched. */
    public static <T> PageOf<T> of(Stream<T> matching, Comparator<T> order, int page, int size) {
        requireValid(page, size);
        List<T> all = matching.sorted(order).toList();
        int from = (int) Math.min((long) page * size, all.size());
        int to = Math.min(from + size, all.size());
        return new PageOf<>(all.subList(from, to), page, size, all.size());
    }

    /** A 400 unless {@code page} is 0 or more and {@code size} from 1 to {@link #MAX_SIZE}. */
    public static void requireValid(int page, int size) {
        if (page < 0) {
            throw Problems.badRequest("page must be 0 or more, was " + page + ".");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw Problems.badRequest("size must be from 1 to " + MAX_SIZE + ", was " + size + ".");
        }
    }
}
