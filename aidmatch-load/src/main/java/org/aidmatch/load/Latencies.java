package org.aidmatch.load;

import org.HdrHistogram.Histogram;

/** Latency histograms in microseconds, and how the benchmarks print them. */
public final class Latencies {

    private Latencies() {}

    /** Up to ten minutes, three significant digits. */
    public static Histogram histogram() {
        return new Histogram(600_000_000L, 3);
    }

    public static void record(Histogram histogram, long fromNanos, long toNanos) {
        histogram.recordValue(Math.max(1, (toNanos - fromNanos) / 1_000));
    }

    public static String describe(Histogram histogram) {
        return String.format(
                "n=%d p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms",
                histogram.getTotalCount(),
                millis(histogram, 50),
                millis(histogram, 99),
                millis(histogram, 99.9),
                histogram.getMaxValue() / 1e3);
    }

    public static double millis(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1e3;
    }
}
