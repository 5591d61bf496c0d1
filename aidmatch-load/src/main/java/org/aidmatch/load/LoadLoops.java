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
        Recorder latency = new Recorder(3);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long begun = System.nanoTime();
        long end = begun + Duration.ofSeconds(seconds).toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            threads.add(new Thread(() -> {
                for (int i = client; System.nanoTime() < end; i += clients) {
                    long sent = System.nanoTime();
                    boolean succeeded = post.test(i);
                    latency.recordValue(Math.max(1, (System.nanoTime() - sent) / 1_000));
                    (succeeded ? ok : failed).incrementAndGet();
                }
            }, "closed-" + client));
        }
        runAll(threads);
        return new Result(ok.get(), failed.get(), (System.nanoTime() - begun) / 1e9, latency.getIntervalHistogram());
    }

    /**
     * Posts due at a fixed rate, spread over enough threads that a slow answer does not delay the
     * next post; latency counts from when each post was due, so a stall is not hidden. When the
     * service cannot keep up, posts due more than ten seconds after the end are not sent, so that
     * the loop ends; their count shows as the shortfall from the rate.
     */
    public static Result openLoop(IntPredicate post, int perSecond, int seconds) throws InterruptedException {
        Recorder latency = new Recorder(3);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long interval = 1_000_000_000L / perSecond;
        int total = perSecond * seconds;
        long begun = System.nanoTime() + 10_000_000L;
        long giveUp = begun + Duration.ofSeconds(seconds + 10).toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int s = 0; s < OPEN_LOOP_SENDERS; s++) {
            int sender = s;
            threads.add(new Thread(() -> {
                for (int i = sender; i < total && System.nanoTime() < giveUp; i += OPEN_LOOP_SENDERS) {
                    long due = begun + i * interval;
                    LockSupport.parkNanos(due - System.nanoTime());
                    boolean succeeded = post.test(i);
                    latency.recordValue(Math.max(1, (System.nanoTime() - due) / 1_000));
                    (succeeded ? ok : failed).incrementAndGet();
                }
            }, "open-" + sender));
        }
        runAll(threads);
        return new Result(ok.get(), failed.get(), (System.nanoTime() - begun) / 1e9, latency.getIntervalHistogram());
    }

    private static void runAll(List<Thread> threads) throws InterruptedException {
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
    }
}
