package org.aidmatch.matcher.streams;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Runs the matcher topology for as long as the application runs. */
public final class MatcherStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MatcherStreams.class);

    private final Topology topology;
    private final Map<String, Object> config;
    private final Duration closeTimeout;
    private volatile KafkaStreams streams;

    public MatcherStreams(Topology topology, Map<String, Object> config, Duration closeTimeout) {
        this.closeTimeout = closeTimeout;
        this.topology = topology;
        this.config = Map.copyOf(config);
    }

    @Override
    public synchronized void start() {
        Properties properties = new Properties();
        properties.putAll(config);
        streams = new KafkaStreams(topology, properties);
        streams.setStateListener((now, before) -> log.info("Matcher streams {} -> {}", before, now));
        streams.setUncaughtExceptionHandler(StreamThreadFailures.standard());
        streams.start();
    }

    @Override
    public synchronized void stop() {
        if (streams != null) {
            // Leaving the group lets a restarted or remaining instance take the tasks over at once,
            // instead of waiting for this member's session to time out.
            streams.close(new KafkaStreams.CloseOptions().timeout(closeTimeout).leaveGroup(true));
            streams = null;
        }
    }

    @Override
    public boolean isRunning() {
        return streams != null;
    }

    /** The current state, or NOT_RUNNING before start and after stop. */
    public KafkaStreams.State state() {
        KafkaStreams current = streams;
        return current == null ? KafkaStreams.State.NOT_RUNNING : current.state();
    }
}
