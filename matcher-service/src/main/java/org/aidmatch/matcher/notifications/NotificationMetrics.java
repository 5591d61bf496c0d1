package org.aidmatch.matcher.notifications;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;

/** {@code aidmatch.notifications.sent}, {@code .failed} (for good) and {@code .pending}, by channel. */
final class NotificationMetrics {

    private final MeterRegistry registry;

    NotificationMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void sent(String channel, int notifications) {
        registry.counter("aidmatch.notifications.sent", "channel", channel).increment(notifications);
    }

    void failed(String channel, int notifications) {
        registry.counter("aidmatch.notifications.failed", "channel", channel).increment(notifications);
    }

    void pending(String channel, Supplier<Number> waiting) {
        Gauge.builder("aidmatch.notifications.pending", waiting)
                .description("Notifications waiting to be delivered, by channel")
                .tag("channel", channel)
                .register(registry);
        registry.counter("aidmatch.notifications.sent", "channel", channel);
        registry.counter("aidmatch.notifications.failed", "channel", channel);
    }
}
