package org.aidmatch.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntPredicate;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** The two shapes of load: back to back (closed loop) and at a fixed rate (open loop). */
public final class LoadLoops {

    private static final int OPEN_LOOP_SENDERS = 64;

    private LoadLoops() {}

    /** What a loop achieved: successful and failed posts, how long it ran, and its latencies. */
    public record Result(long ok, long failed, double seconds, Histogram latency) {

        public double perSecond() {
            return ok / seconds;
        }

        @Override
        public String toString() {
            return String.format("%,.0f posts/s (%d failed), %s", perSecond(), failed, Latencies.describe(latency));
        }
    }

    /**
     * {@code clients} threads, each posting as soon as its previous post was answered; latency is
     * service time.
     *
     * @param post sends post number {@code i} and says whether it succeeded
     */
    public static Result closedLoop(IntPredicate post, int clients, int seconds) throws InterruptedException {
        Tally tally = new Tally(post, System.nanoTime());
        long end = tally.begun + Duration.ofSeconds(seconds).toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            threads.add(new Thread(
                    () -> {
                        for (int i = client; System.nanoTime() < end; i += clients) {
                            tally.post(i, System.nanoTime());
                        }
                    },
                    "closed-" + client));
        }
        runAll(threads);
        return tally.result();
    }

    /**
     * Posts due at a fixed rate, spread over enough threads that a slow answer does not delay the
     * next post; latency counts from when each post was due, so a stall is not hidden. When the
     * service cannot keep up, posts due more than ten seconds after the end are not sent, so that
     * the loop ends; their count shows as the shortfall from the rate.
     */
    public static Result openLoop(IntPredicate post, int perSecond, int seconds) throws InterruptedException {
        Tally tally = new Tally(post, System.nanoTime() + 10_000_000L);
        long interval = 1_000_000_000L / perSecond;
        int total = perSecond * seconds;
        long giveUp = tally.begun + Duration.ofSeconds(seconds + 10).toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int s = 0; s < OPEN_LOOP_SENDERS; s++) {
            int sender = s;
            threads.add(new Thread(
                    () -> {
                        for (int i = sender; i < total && System.nanoTime() < giveUp; i += OPEN_LOOP_SENDERS) {
                            long due = tally.begun + i * interval;
                            LockSupport.parkNanos(due - System.nanoTime());
                            tally.post(i, due);
                        }
                    },
                    "open-" + sender));
        }
        runAll(threads);
        return tally.result();
    }

    /** Posts and counts them, shared by a loop's threads; latency from the given start of each post. */
    private static final class Tally {
        private final IntPredicate post;
        private final long begun;
        private final Recorder latency = new Recorder(3);
        private final AtomicLong ok = new AtomicLong();
        private final AtomicLong failed = new AtomicLong();

        Tally(IntPredicate post, long begun) {
            this.post = post;
            this.begun = begun;
        }

        void post(int i, long from) {
            boolean succeeded = post.test(i);
            latency.recordValue(Math.max(1, (System.nanoTime() - from) / 1_000));
            (succeeded ? ok : failed).incrementAndGet();
        }

        Result result() {
            return new Result(
                    ok.get(), failed.get(), (System.nanoTime() - begun) / 1e9, latency.getIntervalHistogram());
        }
    }

    private static void runAll(List<Thread> threads) throws InterruptedException {
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
    }
}
