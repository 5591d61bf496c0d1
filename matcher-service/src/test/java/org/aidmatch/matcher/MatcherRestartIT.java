package org.aidmatch.matcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.aidmatch.contracts.events.AidEvent;
import org.aidmatch.contracts.events.MatchEvent;
import org.aidmatch.contracts.events.MatchMade;
import org.aidmatch.contracts.events.MatchStatus;
import org.aidmatch.contracts.events.MatchStatusChanged;
import org.aidmatch.contracts.events.Urgency;
import org.aidmatch.contracts.topics.Topics;
import org.aidmatch.matcher.streams.MatcherStreams;
import org.aidmatch.matcher.streams.MatcherStreamsConfig;
import org.aidmatch.matcher.streams.MatcherTopology;
import org.aidmatch.testing.Events;
import org.aidmatch.testing.KafkaTestBroker;
import org.aidmatch.testing.MatcherOracle;
import org.aidmatch.testing.MixedLoad;
import org.aidmatch.testing.TopicReader;
import org.aidmatch.testing.TopicWriter;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/**
 * The matcher is stopped in the middle of a load of postings and commands on their matches, and
 * started again, on a fresh state directory so
 * that its book must come back from the changelog. No decision may be lost or repeated, and the
 * decisions must be exactly those of an uninterrupted run over the same input.
 */
class MatcherRestartIT {

    private static final String SUPPLY_TYPE = "EQ-PULSE-OXIMETER";
    private static final List<String> COUNTRIES = List.of("KE", "TZ", "ET", "PK", "UZ", "KG", "IT", "BR", "NP");
    private static final List<String> AREAS = List.of("KE", "PK", "014", "002", "143", "034", "142", "419", "001");
    private static final int EVENTS = 4_000;

    private final String bootstrap = KafkaTestBroker.bootstrapServers();
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void a_matcher_stopped_mid_stream_and_restarted_decides_exactly_what_an_uninterrupted_one_would()
            throws IOException {
        List<AidEvent> input = MixedLoad.withCommands(input(), run);
        List<MatchEvent> expected = MatcherOracle.decide(input);
        KafkaTestBroker.createTopics();
        try (TopicWriter writer = new TopicWriter(bootstrap)) {
            writer.sendAll(input);
        }
        String applicationId = "matcher-restart-" + run;

        try (TopicReader<MatchEvent> matches = TopicReader.of(bootstrap, Topics.MATCHES)) {
            MatcherStreams first = matcher(applicationId);
            first.start();
            int seenAtStop = matches.awaitAll(events -> ours(events).size() > 0, Duration.ofSeconds(60))
                    .size();
            first.stop();
            int committedByFirst = ours(matches.readFor(Duration.ofMillis(500))).size();

            MatcherStreams second = matcher(applicationId);
            second.start();
            List<MatchEvent> all;
            try {
                all = ours(matches.awaitAll(events -> ours(events).size() >= expected.size(), Duration.ofSeconds(120)));
                all = ours(matches.readFor(Duration.ofSeconds(2)));
            } finally {
                second.stop();
            }

            assertThat(seenAtStop)
                    .as("the first matcher was stopped with work left")
                    .isPositive();
            assertThat(committedByFirst)
                    .as("the first matcher was stopped mid-stream")
                    .isLessThan(expected.size());
            assertThat(all)
                    .extracting(AidEvent::eventId)
                    .as("no decision repeated")
                    .doesNotHaveDuplicates();
            assertThat(MatcherOracle.byId(all))
                    .as("the same decisions as an uninterrupted run")
                    .isEqualTo(MatcherOracle.byId(expected));
            assertThat(expected).filteredOn(MatchMade.class::isInstance).hasSizeGreaterThan(500);
            assertThat(expected)
                    .as("commands were in flight too")
                    .filteredOn(event ->
                            event instanceof MatchStatusChanged change && change.status() == MatchStatus.RECEIVED)
                    .hasSizeGreaterThan(50);
        }
    }

    /** A deterministic mix of needs and offers for one supply type, with increasing times. */
    private List<AidEvent> input() {
        Random random = new Random(20200318);
        Instant start =
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS); // record timestamps are milliseconds
        List<AidEvent> events = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            Instant at = start.plusMillis(4L * i); // commands go into the gaps
            if (random.nextBoolean()) {
                events.add(Events.request(
                        "r" + i + "-" + run,
                        SUPPLY_TYPE,
                        1 + random.nextInt(60),
                        COUNTRIES.get(random.nextInt(COUNTRIES.size())),
                        Urgency.values()[random.nextInt(3)],
                        null,
                        at));
            } else {
                events.add(Events.offer(
                        "o" + i + "-" + run,
                        SUPPLY_TYPE,
                        1 + random.nextInt(60),
                        null,
                        at,
                        AREAS.get(random.nextInt(AREAS.size())),
                        AREAS.get(random.nextInt(AREAS.size()))));
            }
        }
        return events;
    }

    private MatcherStreams matcher(String applicationId) throws IOException {
        Map<String, Object> base = Map.of(
                StreamsConfig.APPLICATION_ID_CONFIG, applicationId,
                StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                StreamsConfig.STATE_DIR_CONFIG,
                        Files.createTempDirectory("matcher-restart").toString());
        return new MatcherStreams(
                MatcherTopology.build(),
                MatcherStreamsConfig.of(base, 1, (record, cause) -> {
                    // The broker is shared with the other tests, whose hostile records this matcher
                    // reads too; anything of this run going missing fails the oracle comparison.
                }),
                Duration.ofSeconds(30));
    }

    private List<MatchEvent> ours(List<MatchEvent> events) {
        return MatcherOracle.ofRun(events, "-" + run);
    }
}
