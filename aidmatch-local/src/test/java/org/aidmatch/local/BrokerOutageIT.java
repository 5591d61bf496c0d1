package org.aidmatch.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.aidmatch.contracts.events.AidEvent;
import org.aidmatch.contracts.events.MatchEvent;
import org.aidmatch.contracts.events.MatchMade;
import org.aidmatch.contracts.events.OfferEvent;
import org.aidmatch.contracts.events.OfferPosted;
import org.aidmatch.contracts.events.RequestEvent;
import org.aidmatch.contracts.events.RequestPosted;
import org.aidmatch.contracts.topics.Topic;
import org.aidmatch.contracts.topics.Topics;
import org.aidmatch.matcher.MatcherServiceApplication;
import org.aidmatch.matcher.streams.MatcherStreams;
import org.aidmatch.offer.OfferServiceApplication;
import org.aidmatch.request.RequestServiceApplication;
import org.aidmatch.testing.ApiClient;
import org.aidmatch.testing.ApiClient.Response;
import org.aidmatch.testing.TestApiKeys;
import org.aidmatch.testing.TopicReader;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The broker goes away while clients keep posting needs and offers, and comes back. Every POST got
 * either a 201, and its event is on the topic, or a 503; the three services recover without being
 * restarted; and the matcher, which was working through the same postings, matches each of them once.
 */
@Tag("faults")
class BrokerOutageIT {

    private static final String REQUEST = """
            {"supplyType":"HY-HAND-SANITIZER","quantity":40,"country":"KE"}""";
    private static final String OFFER = """
            {"supplyType":"HY-HAND-SANITIZER","quantity":40,"serviceArea":["KE"]}""";

    @TempDir
    Path dataDir;

    record Outcome(String path, int status, String id, Duration took) {}

    @Test
    void every_post_is_acknowledged_and_on_its_topic_or_a_503_and_the_whole_stack_recovers() throws Exception {
        int kafkaPort = FreePorts.next();
        int controllerPort = FreePorts.next();
        LocalKafkaBroker broker = LocalKafkaBroker.start(dataDir.resolve("kafka"), kafkaPort, controllerPort);
        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        List<ConfigurableApplicationContext> services = new ArrayList<>();
        try {
            ApiClient requests = ApiClient.onPort(start(services, RequestServiceApplication.builder(), broker));
            ApiClient offers = ApiClient.onPort(start(services, OfferServiceApplication.builder(), broker));
            start(
                    services,
                    MatcherServiceApplication.builder(),
                    broker,
                    "--spring.kafka.streams.state-dir=" + dataDir.resolve("matcher"));
            MatcherStreams matcher = services.get(2).getBean(MatcherStreams.class);

            postFor(requests, offers, Duration.ofSeconds(4), outcomes);
            broker.close();
            postFor(requests, offers, Duration.ofSeconds(12), outcomes);
            broker = LocalKafkaBroker.start(dataDir.resolve("kafka"), kafkaPort, controllerPort);
            Instant recoveryDeadline = Instant.now().plusSeconds(60);
            int requestsBefore = acknowledged(outcomes, "/api/v1/requests").size();
            int offersBefore = acknowledged(outcomes, "/api/v1/offers").size();
            while ((acknowledged(outcomes, "/api/v1/requests").size() < requestsBefore + 5
                            || acknowledged(outcomes, "/api/v1/offers").size() < offersBefore + 5)
                    && Instant.now().isBefore(recoveryDeadline)) {
                postFor(requests, offers, Duration.ofSeconds(1), outcomes);
            }

            assertThat(outcomes)
                    .extracting(Outcome::status)
                    .as("only 201 or 503")
                    .containsOnly(201, 503);
            assertThat(outcomes)
                    .filteredOn(outcome -> outcome.status() == 503)
                    .as("the outage was felt")
                    .isNotEmpty();
            assertThat(acknowledged(outcomes, "/api/v1/requests").size())
                    .as("needs are taken again without a restart")
                    .isGreaterThanOrEqualTo(requestsBefore + 5);
            assertThat(acknowledged(outcomes, "/api/v1/offers").size())
                    .as("offers are taken again without a restart")
                    .isGreaterThanOrEqualTo(offersBefore + 5);
            assertThat(outcomes)
                    .allSatisfy(outcome -> assertThat(outcome.took()).isLessThan(Duration.ofSeconds(15)));

            Set<String> requestIds = onTopic(
                    broker,
                    Topics.REQUESTS,
                    RequestPosted.class,
                    RequestEvent::requestId,
                    acknowledged(outcomes, "/api/v1/requests"));
            Set<String> offerIds = onTopic(
                    broker,
                    Topics.OFFERS,
                    OfferPosted.class,
                    OfferEvent::offerId,
                    acknowledged(outcomes, "/api/v1/offers"));
            // Equal quantities in one country: every request pairs with one offer, first come first served.
            // A 503 whose write still reached the broker is a posting too, so the count comes from the topics.
            int expectedMatches = Math.min(requestIds.size(), offerIds.size());
            try (TopicReader<MatchEvent> decisions = TopicReader.of(broker.bootstrapServers(), Topics.MATCHES)) {
                decisions.awaitAll(events -> matchesOf(events).size() >= expectedMatches, Duration.ofSeconds(90));
                // a little longer, so that a match made twice would be seen
                List<MatchMade> matches = matchesOf(decisions.readFor(Duration.ofSeconds(2)));
                assertThat(matches).as("each posting matched once").hasSize(expectedMatches);
                assertThat(matches)
                        .extracting(MatchMade::requestId)
                        .doesNotHaveDuplicates()
                        .isSubsetOf(requestIds);
                assertThat(matches)
                        .extracting(MatchMade::offerId)
                        .doesNotHaveDuplicates()
                        .isSubsetOf(offerIds);
                assertThat(matches).extracting(MatchMade::matchId).doesNotHaveDuplicates();
            }
            assertThat(matcher.state()).as("the matcher kept running").isEqualTo(KafkaStreams.State.RUNNING);
        } finally {
            for (int i = services.size() - 1; i >= 0; i--) {
                services.get(i).close();
            }
            broker.close();
        }
    }

    private static int start(
            List<ConfigurableApplicationContext> services,
            SpringApplicationBuilder service,
            LocalKafkaBroker broker,
            String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                "--aidmatch.security.api-keys-file=" + TestApiKeys.file()));
        args.addAll(List.of(extra));
        ConfigurableApplicationContext context = service.run(args.toArray(String[]::new));
        services.add(context);
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    /** A need, then an offer that fills it, back to back for {@code period}. */
    private static void postFor(
            ApiClient requests, ApiClient offers, Duration period, ConcurrentLinkedQueue<Outcome> outcomes) {
        Instant end = Instant.now().plus(period);
        while (Instant.now().isBefore(end)) {
            post(requests, "/api/v1/requests", TestApiKeys.REQUESTER, REQUEST, outcomes);
            post(offers, "/api/v1/offers", TestApiKeys.DONOR, OFFER, outcomes);
        }
    }

    private static void post(
            ApiClient api, String path, String apiKey, String body, ConcurrentLinkedQueue<Outcome> outcomes) {
        Instant start = Instant.now();
        Response response = api.post(path, apiKey, body);
        String id = response.status() == 201 ? response.json().get("id").asString() : null;
        outcomes.add(new Outcome(path, response.status(), id, Duration.between(start, Instant.now())));
    }

    private static Set<String> acknowledged(ConcurrentLinkedQueue<Outcome> outcomes, String path) {
        return outcomes.stream()
                .filter(outcome -> outcome.path().equals(path) && outcome.status() == 201)
                .map(Outcome::id)
                .collect(Collectors.toSet());
    }

    /** The ids posted on {@code topic}, once every acknowledged one is among them. */
    private static <V extends AidEvent, P extends V> Set<String> onTopic(
            LocalKafkaBroker broker,
            Topic<V> topic,
            Class<P> posted,
            Function<P, String> id,
            Set<String> acknowledged) {
        try (TopicReader<V> reader = TopicReader.of(broker.bootstrapServers(), topic)) {
            Function<List<V>, Set<String>> ids = events -> events.stream()
                    .filter(posted::isInstance)
                    .map(posted::cast)
                    .map(id)
                    .collect(Collectors.toSet());
            reader.awaitAll(all -> ids.apply(all).containsAll(acknowledged), Duration.ofSeconds(30));
            Set<String> found = ids.apply(reader.readFor(Duration.ofSeconds(1)));
            assertThat(found)
                    .as("every acknowledged posting is on " + topic.name())
                    .containsAll(acknowledged);
            return found;
        }
    }

    private static List<MatchMade> matchesOf(List<MatchEvent> events) {
        return events.stream()
                .filter(MatchMade.class::isInstance)
                .map(MatchMade.class::cast)
                .toList();
    }
}
