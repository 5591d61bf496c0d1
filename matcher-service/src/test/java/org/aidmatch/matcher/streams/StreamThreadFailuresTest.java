package org.aidmatch.matcher.streams;

import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;

class StreamThreadFailuresTest {

    private static final StreamsException FAILURE = new StreamsException(new TimeoutException("broker away"));

    private Instant now = Instant.parse("2026-11-30T06:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void a_failed_thread_is_replaced_until_threads_fail_too_often_within_the_window() {
        StreamThreadFailures failures = new StreamThreadFailures(3, Duration.ofMinutes(10), clock);

        assertThat(failures.handle(FAILURE)).isEqualTo(REPLACE_THREAD);
        now = now.plusSeconds(60);
        assertThat(failures.handle(FAILURE)).isEqualTo(REPLACE_THREAD);
        assertThat(failures.handle(FAILURE)).isEqualTo(REPLACE_THREAD);
        now = now.plusSeconds(60);
        assertThat(failures.handle(FAILURE)).as("the fourth within ten minutes").isEqualTo(SHUTDOWN_CLIENT);
    }

    @Test
    void failures_spread_out_in_time_are_replaced_for_as_long_as_they_come() {
        StreamThreadFailures failures = new StreamThreadFailures(3, Duration.ofMinutes(10), clock);

        for (int i = 0; i < 20; i++) {
            assertThat(failures.handle(FAILURE)).as("failure " + i).isEqualTo(REPLACE_THREAD);
            now = now.plus(Duration.ofMinutes(4));
        }
    }
}
