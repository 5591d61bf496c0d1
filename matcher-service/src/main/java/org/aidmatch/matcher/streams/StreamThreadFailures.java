package org.aidmatch.matcher.streams;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what follows when a stream thread dies of an exception that Kafka Streams does not handle
 * itself, such as a broker away for longer than {@code task.timeout.ms} while records were in
 * flight. Left to Streams' default, the whole matcher would shut down and stay down until someone
 * restarted it. Instead a new thread takes over, resuming from the last commit, which exactly-once
 * makes safe. If threads keep dying, the cause is not passing, and replacing them for ever would
 * only hide it: the matcher then shuts down, its health turns DOWN, and a supervisor or a person
 * takes over.
 */
public final class StreamThreadFailures implements StreamsUncaughtExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(StreamThreadFailures.class);

    private final int replacementsAllowed;
    private final Duration window;
    private final Clock clock;
    private final Deque<Instant> replacements = new ArrayDeque<>();

    /** At most five replacements in ten minutes. */
    public static StreamThreadFailures standard() {
        return new StreamThreadFailures(5, Duration.ofMinutes(10), Clock.systemUTC());
    }

    StreamThreadFailures(int replacementsAllowed, Duration window, Clock clock) {
        this.replacementsAllowed = replacementsAllowed;
        this.window = window;
        this.clock = clock;
    }

    @Override
    public synchronized StreamThreadExceptionResponse handle(Throwable exception) {
        Instant now = clock.instant();
        while (!replacements.isEmpty() && !replacements.peekFirst().isAfter(now.minus(window))) {
            replacements.removeFirst();
        }
        if (replacements.size() >= replacementsAllowed) {
            log.error(
                    "A stream thread failed again, the {}th time within {}: shutting the matcher down",
                    replacements.size() + 1,
                    window,
                    exception);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        replacements.addLast(now);
        log.error("A stream thread failed; a new one resumes from the last commit", exception);
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }
}
