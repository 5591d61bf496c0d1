package org.aidmatch.matcher.streams;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** The matcher is healthy while its streams run or rebalance; anything else means no matching happens. */
public final class MatcherHealth implements HealthIndicator {

    private final MatcherStreams streams;

    public MatcherHealth(MatcherStreams streams) {
        this.streams = streams;
    }

    @Override
    public Health health() {
        KafkaStreams.State state = streams.state();
        Health.Builder health = state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING
                ? Health.up()
                : Health.down();
        return health.withDetail("streams", state.name()).build();
    }
}
