package org.aidmatch.matcher.streams;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;

/** What the stream processing reports: events it refused, and how long after posting it decided. */
public final class MatcherMetrics {

    private final MeterRegistry registry;
    private final Timer latency;

    public MatcherMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.latency = Timer.builder("aidmatch.processing.latency")
                .description("From an event's time (its post) to the matcher's decision on it")
                .publishPercentiles(0.5, 0.99, 0.999)
                .register(registry);
    }

    /** For topologies run outside the application, as in tests. */
    public static MatcherMetrics unregistered() {
        return new MatcherMetrics(new SimpleMeterRegistry());
    }

    public void rejected(String topic, String cause) {
        Counter.builder("aidmatch.events.rejected")
                .description("Events sent to a dead-letter topic instead of the book")
                .tag("topic", topic)
                .tag("cause", cause)
                .register(registry)
                .increment();
    }

    public void decided(long eventTimestampMillis, long nowMillis) {
        latency.record(Duration.ofMillis(Math.max(0, nowMillis - eventTimestampMillis)));
    }
}
