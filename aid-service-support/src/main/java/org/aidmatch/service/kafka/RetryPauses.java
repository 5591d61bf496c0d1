package org.aidmatch.service.kafka;

import java.time.Duration;

/**
 * The pauses between tries when Kafka is away: 1 s, doubling up to 30 s, so that a short outage is
 * noticed soon and a long one does not flood the log or the broker when it comes back.
 */
public final class RetryPauses {

    public static final Duration FIRST = Duration.ofSeconds(1);
    public static final Duration LAST = Duration.ofSeconds(30);

    private RetryPauses() {}

    public static Duration after(Duration pause) {
        Duration doubled = pause.multipliedBy(2);
        return doubled.compareTo(LAST) > 0 ? LAST : doubled;
    }
}
