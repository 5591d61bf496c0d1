package org.aidmatch.service.web;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.aidmatch.service.kafka.EventPublisher;
import org.aidmatch.service.kafka.TopicFollower;
import org.aidmatch.service.problem.Problems;

/**
 * The two steps every write of an edge takes around its view: a read waits, bounded, until the
 * view has caught up with this instance's own writes; and a retry with an {@code Idempotency-Key}
 * finds what the first call made instead of writing again.
 */
public final class ReadYourWrites {

    /** How long a read waits for this instance's view before it answers from what it has. */
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(3);

    private static final Duration POLL = Duration.ofMillis(20);

    private final EventPublisher publisher;
    private final TopicFollower follower;
    private final Duration wait;

    public ReadYourWrites(EventPublisher publisher, TopicFollower follower, Duration wait) {
        this.publisher = publisher;
        this.follower = follower;
        this.wait = wait;
    }

    /** Waits until the view has read everything this instance wrote, or the wait is over. */
    public void catchUp() {
        follower.awaitReadable(publisher.lastWritten(), wait);
    }

    /**
     * With a key, what an earlier call with it made, once the view has caught up; a 409 if that was
     * something else. Empty without a key, or when nothing was made with it yet.
     *
     * @param what the kind of thing, for the error ("request", "offer", "command")
     */
    public <T> Optional<T> earlier(
            String idempotencyKey, Supplier<Optional<T>> find, Predicate<T> sameAsRetry, String what) {
        if (idempotencyKey == null) {
            return Optional.empty();
        }
        catchUp();
        Optional<T> earlier = find.get();
        if (earlier.isPresent() && !sameAsRetry.test(earlier.get())) {
            throw Problems.conflict(
                    IdempotencyKeys.HEADER + " " + idempotencyKey + " was already used for a different " + what + ".");
        }
        return earlier;
    }

    /**
     * Waits, bounded, for something written elsewhere in reply to this instance's write (the
     * matcher's decision on a command) to show in the view; empty if it did not in time.
     */
    public <T> Optional<T> awaitReply(Supplier<Optional<T>> read) {
        long deadline = System.nanoTime() + wait.toNanos();
        Optional<T> found = read.get();
        while (found.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            found = read.get();
        }
        return found;
    }
}
