package org.aidmatch.matcher.streams;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.aidmatch.contracts.TopicValue;
import org.aidmatch.contracts.events.AidEvent;
import org.aidmatch.contracts.events.ClockTicked;
import org.aidmatch.contracts.topics.Topics;
import org.aidmatch.service.kafka.DeclaredTopics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Writes a {@link ClockTicked} into every partition of {@code aid.clock.v1} at a fixed interval,
 * so that every matcher task sees time pass, and fires deadlines, even when nothing is posted for
 * its supply types. This is the one place the matcher reads the wall clock: the time goes into the
 * log, and decisions take it from there.
 *
 * <p>Every instance ticks: two ticks for one moment do no harm, while a single ticker would be one
 * more thing to fail over. A tick that cannot be written is skipped; the next one carries the time.
 */
public final class ClockTicker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ClockTicker.class);

    private final KafkaTemplate<String, TopicValue> template;
    private final DeclaredTopics topics;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    public ClockTicker(KafkaTemplate<String, TopicValue> template, DeclaredTopics topics, Duration interval) {
        this.template = template;
        this.topics = topics;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "aidmatch-clock");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::tick, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One tick into every partition, all stamped with the same moment. */
    void tick() {
        if (!topics.isChecked()) {
            return;
        }
        try {
            Instant now = Instant.now();
            ClockTicked tick = new ClockTicked(UUID.randomUUID().toString(), now, AidEvent.CURRENT_SCHEMA_VERSION);
            for (PartitionInfo partition : template.partitionsFor(Topics.CLOCK.name())) {
                template.send(new ProducerRecord<>(
                        Topics.CLOCK.name(), partition.partition(), now.toEpochMilli(), null, tick));
            }
        } catch (RuntimeException e) {
            log.warn("Could not write a clock tick; deadlines wait for the next: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
