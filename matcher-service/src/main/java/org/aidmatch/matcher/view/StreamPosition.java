package org.aidmatch.matcher.view;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How far into {@code aid.matches.v1} a client has seen, as the next offset of each partition:
 * "0:12,3:7". It is the id of each streamed event, so that a client reconnecting with
 * {@code Last-Event-ID}, to this instance or any other, misses nothing and sees nothing twice.
 */
public record StreamPosition(Map<Integer, Long> nextOffsets) {

    public static final StreamPosition START = new StreamPosition(Map.of());

    public StreamPosition {
        nextOffsets = Map.copyOf(nextOffsets);
    }

    /** The longest event id accepted back: six partitions' worth is some 120 characters. */
    private static final int MAX_TEXT = 4_096;

    /**
     * Reads an event id this stream issued; none, or a blank one, is the start.
     *
     * @throws IllegalArgumentException for anything else: replaying the whole history for an id we
     *     never issued would let any client make the matcher send everything, again and again
     */
    public static StreamPosition parse(String text) {
        if (text == null || text.isBlank()) {
            return START;
        }
        if (text.length() > MAX_TEXT || !text.strip().matches("\\d{1,9}:\\d{1,19}(,\\d{1,9}:\\d{1,19})*")) {
            throw new IllegalArgumentException(
                    "not a stream position: expected partition:offset pairs such as 0:12,3:7");
        }
        Map<Integer, Long> offsets = new TreeMap<>();
        try {
            for (String part : text.strip().split(",")) {
                String[] pair = part.split(":");
                offsets.put(Integer.parseInt(pair[0]), Long.parseLong(pair[1]));
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a stream position: a partition or offset is out of range");
        }
        return new StreamPosition(offsets);
    }

    public boolean hasSeen(int partition, long offset) {
        return offset < nextOffsets.getOrDefault(partition, 0L);
    }

    public StreamPosition after(int partition, long offset) {
        Map<Integer, Long> next = new TreeMap<>(nextOffsets);
        next.merge(partition, offset + 1, Math::max);
        return new StreamPosition(next);
    }

    @Override
    public String toString() {
        return new TreeMap<>(nextOffsets)
                .entrySet().stream()
                        .map(entry -> entry.getKey() + ":" + entry.getValue())
                        .collect(Collectors.joining(","));
    }
}
