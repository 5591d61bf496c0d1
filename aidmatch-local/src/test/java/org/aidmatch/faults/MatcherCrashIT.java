package org.aidmatch.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.aidmatch.contracts.events.AidEvent;
import org.aidmatch.contracts.events.MatchEvent;
import org.aidmatch.contracts.topics.Topics;
import org.aidmatch.testing.KafkaTestBroker;
import org.aidmatch.testing.MatcherOracle;
import org.aidmatch.testing.MixedLoad;
import org.aidmatch.testing.TestApiKeys;
import org.aidmatch.testing.TopicReader;
import org.aidmatch.testing.TopicWriter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The matcher runs as its own process and is killed with SIGKILL three times while it works through
 * a pre-loaded load of postings and of commands on their matches, restarting each time on the same state directory. Afterwards every decision is
 * there exactly once, and the decisions are those of a run without kills on the same input.
 */
@Tag("faults")
class MatcherCrashIT {

    private static final int EVENTS = 12_000;
    private static final int KILLS = 3;

    @TempDir
    Path stateDir;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String bootstrap = KafkaTestBroker.bootstrapServers();

    @Test
    void a_matcher_killed_three_times_under_load_loses_and_repeats_nothing() throws Exception {
        List<AidEvent> input = MixedLoad.eventsWithCommands(EVENTS, run);
        List<MatchEvent> expected = MatcherOracle.decide(input);
        KafkaTestBroker.createTopics();
        try (TopicWriter writer = new TopicWriter(bootstrap)) {
            writer.sendAll(input);
        }

        try (TopicReader<MatchEvent> matches = TopicReader.of(bootstrap, Topics.MATCHES)) {
            int seen = 0;
            for (int kill = 1; kill <= KILLS; kill++) {
                Process matcher = startMatcher("crash-" + kill);
                int before = seen;
                seen = ours(matches.awaitAll(events -> ours(events).size() > before + 200, Duration.ofSeconds(120)))
                        .size();
                matcher.destroyForcibly().waitFor();
                assertThat(ours(matches.records().stream().map(r -> r.value()).toList()))
                        .as("kill %d came before the end of the load", kill)
                        .hasSizeLessThan(expected.size());
            }
            Process last = startMatcher("final");
            try {
                matches.awaitAll(events -> ours(events).size() >= expected.size(), Duration.ofSeconds(180));
                List<MatchEvent> all = ours(matches.readFor(Duration.ofSeconds(3)));

                assertThat(all)
                        .extracting(AidEvent::eventId)
                        .as("no decision twice")
                        .doesNotHaveDuplicates();
                assertThat(MatcherOracle.byId(all))
                        .as("the decisions of a run without kills")
                        .isEqualTo(MatcherOracle.byId(expected));
            } finally {
                last.destroy();
                last.waitFor();
            }
        }
    }

    /** The matcher application in a JVM of its own, on the same state directory every time. */
    private Process startMatcher(String name) throws IOException {
        Path log = Files.createDirectories(Path.of("target", "fault-logs"))
                .resolve("matcher-" + run + "-" + name + ".log");
        return new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "org.aidmatch.matcher.MatcherServiceApplication",
                        "--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--spring.kafka.bootstrap-servers=" + bootstrap,
                        "--spring.kafka.streams.application-id=matcher-crash-" + run,
                        "--spring.kafka.streams.state-dir=" + stateDir,
                        "--aidmatch.security.api-keys-file=" + TestApiKeys.file())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private List<MatchEvent> ours(List<MatchEvent> events) {
        return MatcherOracle.ofRun(events, "-" + run);
    }
}
