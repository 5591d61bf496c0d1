package org.aidmatch.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.aidmatch.contracts.events.AidEvent;
import org.aidmatch.contracts.events.MatchEvent;
import org.aidmatch.contracts.topics.Topics;
import org.aidmatch.matcher.MatcherServiceApplication;
import org.aidmatch.matcher.streams.MatcherStreams;
import org.aidmatch.testing.KafkaTestBroker;
import org.aidmatch.testing.MatcherOracle;
import org.aidmatch.testing.MixedLoad;
import org.aidmatch.testing.TestApiKeys;
import org.aidmatch.testing.TopicReader;
import org.aidmatch.testing.TopicWriter;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The broker goes away while the matcher works through a backlog, for longer than the matcher's
 * task timeout, and comes back. The matcher carries on by itself, and its decisions are exactly
 * those of a run without the outage: none lost, none twice.
 */
@Tag("faults")
class MatcherBrokerOutageIT {

    private static final int EVENTS = 30_000;

    @TempDir
    Path dataDir;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void a_matcher_cut_off_from_its_broker_mid_backlog_resumes_and_decides_as_if_nothing_happened() throws Exception {
        int port = FreePorts.next();
        int controllerPort = FreePorts.next();
        List<AidEvent> input = MixedLoad.events(EVENTS, run);
        List<MatchEvent> expected = MatcherOracle.decide(input);
        LocalKafkaBroker broker = LocalKafkaBroker.start(dataDir.resolve("kafka"), port, controllerPort);
        ConfigurableApplicationContext matcher = null;
        try {
            KafkaTestBroker.createTopics(broker.bootstrapServers());
            try (TopicWriter writer = new TopicWriter(broker.bootstrapServers())) {
                writer.sendAll(input);
            }
            matcher = MatcherServiceApplication.builder()
                    .run(
                            "--server.port=0",
                            "--spring.main.banner-mode=off",
                            "--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                            "--spring.kafka.streams.state-dir=" + dataDir.resolve("matcher"),
                            // a second stands for an outage longer than the default five minutes
                            "--spring.kafka.streams.properties.task.timeout.ms=1000",
                            "--aidmatch.security.api-keys-file=" + TestApiKeys.file());
            try (TopicReader<MatchEvent> decisions = TopicReader.of(broker.bootstrapServers(), Topics.MATCHES)) {
                decisions.awaitAll(events -> ours(events).size() >= 100, Duration.ofSeconds(120));
            }
            broker.close();
            broker = null;
            Thread.sleep(8_000);
            broker = LocalKafkaBroker.start(dataDir.resolve("kafka"), port, controllerPort);

            try (TopicReader<MatchEvent> decisions = TopicReader.of(broker.bootstrapServers(), Topics.MATCHES)) {
                List<MatchEvent> before = ours(decisions.readFor(Duration.ofSeconds(1)));
                assertThat(before)
                        .as("the outage came before the end of the backlog")
                        .hasSizeLessThan(expected.size());
                decisions.awaitAll(events -> ours(events).size() >= expected.size(), Duration.ofSeconds(180));
                List<MatchEvent> all = ours(decisions.readFor(Duration.ofSeconds(3)));

                assertThat(all)
                        .extracting(AidEvent::eventId)
                        .as("no decision twice")
                        .doesNotHaveDuplicates();
                assertThat(MatcherOracle.byId(all))
                        .as("the decisions of a run without the outage")
                        .isEqualTo(MatcherOracle.byId(expected));
            }
            assertThat(matcher.getBean(MatcherStreams.class).state()).isEqualTo(KafkaStreams.State.RUNNING);
        } finally {
            if (matcher != null) {
                matcher.close();
            }
            if (broker != null) {
                broker.close();
            }
        }
    }

    private List<MatchEvent> ours(List<MatchEvent> events) {
        return MatcherOracle.ofRun(events, "-" + run);
    }
}
