package org.aidmatch.matcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.aidmatch.contracts.commands.AcceptMatch;
import org.aidmatch.contracts.commands.DispatchMatch;
import org.aidmatch.contracts.commands.MatchCommand;
import org.aidmatch.contracts.events.Actor;
import org.aidmatch.contracts.events.ClockTicked;
import org.aidmatch.contracts.events.CloseReason;
import org.aidmatch.contracts.events.MatchEvent;
import org.aidmatch.contracts.events.MatchMade;
import org.aidmatch.contracts.events.MatchStatus;
import org.aidmatch.contracts.events.MatchStatusChanged;
import org.aidmatch.contracts.events.OfferEvent;
import org.aidmatch.contracts.events.Party;
import org.aidmatch.contracts.events.RequestEvent;
import org.aidmatch.contracts.events.Urgency;
import org.aidmatch.contracts.json.AidEventSerializer;
import org.aidmatch.contracts.json.EventSerde;
import org.aidmatch.contracts.topics.Topics;
import org.aidmatch.matcher.streams.MatcherTopology;
import org.aidmatch.matching.BookEntry;
import org.aidmatch.matching.MatchEntry;
import org.aidmatch.testing.Events;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;

/** The matcher topology's logic, without a broker. The wiring is proven against a real one elsewhere. */
class MatcherTopologyTest {

    private static final Instant T0 = Instant.parse("2026-11-29T08:00:00Z");

    private TopologyTestDriver driver;
    private TestInputTopic<String, RequestEvent> requests;
    private TestInputTopic<String, OfferEvent> offers;
    private TestOutputTopic<String, MatchEvent> matches;
    private TestOutputTopic<String, RequestEvent> requestDeadLetters;
    private TestInputTopic<String, MatchCommand> commands;
    private TestInputTopic<String, ClockTicked> clock;
    private TestOutputTopic<String, MatchCommand> commandDeadLetters;

    @BeforeEach
    void setUp() {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "matcher-topology-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        config.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class);
        driver = new TopologyTestDriver(MatcherTopology.build(), config, T0);
        AidEventSerializer events = new AidEventSerializer();
        requests = driver.createInputTopic(
                Topics.REQUESTS.name(), new StringSerializer(), (topic, event) -> events.serialize(topic, event));
        offers = driver.createInputTopic(
                Topics.OFFERS.name(), new StringSerializer(), (topic, event) -> events.serialize(topic, event));
        matches = driver.createOutputTopic(
                Topics.MATCHES.name(), new StringDeserializer(), new EventSerde<>(MatchEvent.class));
        requestDeadLetters = driver.createOutputTopic(
                Topics.REQUESTS_DEAD_LETTER.name(), new StringDeserializer(), new EventSerde<>(RequestEvent.class));
        commands = driver.createInputTopic(
                Topics.MATCH_COMMANDS.name(), new StringSerializer(), (topic, event) -> events.serialize(topic, event));
        clock = driver.createInputTopic(
                Topics.CLOCK.name(), new StringSerializer(), (topic, event) -> events.serialize(topic, event));
        commandDeadLetters = driver.createOutputTopic(
                Topics.MATCH_COMMANDS_DEAD_LETTER.name(),
                new StringDeserializer(),
                new EventSerde<>(MatchCommand.class));
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    @Test
    void an_offer_for_eastern_africa_fills_a_request_in_kenya_and_the_decisions_are_keyed_by_supply_type() {
        requests.pipeInput("PPE-GOWN", Events.request("r1", "PPE-GOWN", 300, "KE", Urgency.HIGH, null, T0), T0);
        offers.pipeInput(
                "PPE-GOWN", Events.offer("o1", "PPE-GOWN", 100, null, T0.plusSeconds(5), "014"), T0.plusSeconds(5));

        List<TestRecord<String, MatchEvent>> out = matches.readRecordsToList();

        assertThat(out).extracting(TestRecord::key).containsOnly("PPE-GOWN");
        assertThat(out.get(0).value()).isInstanceOfSatisfying(MatchMade.class, match -> {
            assertThat(match.requestId()).isEqualTo("r1");
            assertThat(match.offerId()).isEqualTo("o1");
            assertThat(match.quantity()).isEqualTo(100);
            assertThat(match.matchedArea()).isEqualTo("014");
            assertThat(match.occurredAt()).isEqualTo(T0.plusSeconds(5));
            assertThat(match.status()).isEqualTo(MatchStatus.PROPOSED);
            assertThat(match.respondBy()).isEqualTo(T0.plusSeconds(5).plus(Duration.ofHours(48)));
        });
        assertThat(out).as("nothing closes while the match stands").hasSize(1);
    }

    @Test
    void a_proposal_lapses_on_a_clock_tick_with_no_posting_and_its_store_entry_goes() {
        requests.pipeInput("PPE-GOWN", Events.request("r1", "PPE-GOWN", 100, "KE", Urgency.HIGH, null, T0), T0);
        offers.pipeInput("PPE-GOWN", Events.offer("o1", "PPE-GOWN", 100, null, T0, "KE"), T0);
        KeyValueStore<String, MatchEntry> standing = driver.getKeyValueStore(MatcherTopology.MATCH_STORE);
        String matchId = ((MatchMade) matches.readValue()).matchId();
        assertThat(standing.get(matchId).status()).isEqualTo(MatchStatus.PROPOSED);

        Instant later = T0.plus(Duration.ofHours(49));
        clock.pipeInput(null, new ClockTicked("tick-1", later, 1), later);

        assertThat(matches.readValuesToList()).first().isInstanceOfSatisfying(MatchStatusChanged.class, change -> {
            assertThat(change.status()).isEqualTo(MatchStatus.LAPSED);
            assertThat(change.occurredAt()).isEqualTo(later);
        });
        assertThat(standing.get(matchId)).isNull();
        assertThat(driver.<String, BookEntry>getKeyValueStore(MatcherTopology.BOOK_STORE)
                        .get("REQUEST:r1")
                        .remaining())
                .isEqualTo(100);
    }

    @Test
    void commands_are_decided_in_the_topology_and_one_that_breaks_the_contract_is_dead_lettered() {
        requests.pipeInput("PPE-GOWN", Events.request("r1", "PPE-GOWN", 100, "KE", Urgency.HIGH, null, T0), T0);
        offers.pipeInput("PPE-GOWN", Events.offer("o1", "PPE-GOWN", 100, null, T0, "KE"), T0);
        MatchMade match = (MatchMade) matches.readValue();
        Actor donor = new Actor(match.donorOrganization(), Party.DONOR);

        commands.pipeInput(
                "PPE-GOWN", new DispatchMatch("bad", match.matchId(), "PPE-GOWN", donor, 0, null, null, T0, 1), T0);
        commands.pipeInput("PPE-GOWN", new AcceptMatch("good", match.matchId(), "PPE-GOWN", donor, T0, 1), T0);

        TestRecord<String, MatchCommand> dead = commandDeadLetters.readRecord();
        assertThat(dead.value().eventId()).isEqualTo("bad");
        assertThat(new String(
                        dead.headers()
                                .lastHeader(KafkaHeaders.DLT_EXCEPTION_MESSAGE)
                                .value(),
                        StandardCharsets.UTF_8))
                .contains("quantity must be positive");
        assertThat(matches.readValue()).isInstanceOfSatisfying(MatchStatusChanged.class, change -> {
            assertThat(change.status()).isEqualTo(MatchStatus.ACCEPTED);
            assertThat(change.commandId()).isEqualTo("good");
        });
    }

    @Test
    void the_store_holds_what_is_left_so_a_new_task_can_rebuild_the_book() {
        requests.pipeInput("PPE-GOWN", Events.request("r1", "PPE-GOWN", 300, "KE", Urgency.HIGH, null, T0), T0);
        offers.pipeInput("PPE-GOWN", Events.offer("o1", "PPE-GOWN", 100, null, T0, "KE"), T0);

        KeyValueStore<String, BookEntry> store = driver.getKeyValueStore(MatcherTopology.BOOK_STORE);

        assertThat(store.get("REQUEST:r1").remaining()).isEqualTo(200);
        assertThat(store.get("REQUEST:r1").isOpen()).isTrue();
        assertThat(store.get("OFFER:o1").balance().proposed()).isEqualTo(100);
        assertThat(driver.<String, MatchEntry>getKeyValueStore(MatcherTopology.MATCH_STORE)
                        .approximateNumEntries())
                .isEqualTo(1);
    }

    @Test
    void a_request_for_an_unknown_supply_type_goes_to_the_dead_letter_topic_with_its_cause() {
        requests.pipeInput("PPE-UNICORN", Events.request("bad", "PPE-UNICORN", 1, "KE", Urgency.HIGH, null, T0), T0);
        requests.pipeInput("PPE-GOWN", Events.request("good", "PPE-GOWN", 10, "KE", Urgency.HIGH, null, T0), T0);
        offers.pipeInput("PPE-GOWN", Events.offer("o1", "PPE-GOWN", 10, null, T0, "KE"), T0);

        TestRecord<String, RequestEvent> dead = requestDeadLetters.readRecord();

        assertThat(dead.value().requestId()).isEqualTo("bad");
        assertThat(new String(
                        dead.headers()
                                .lastHeader(KafkaHeaders.DLT_EXCEPTION_MESSAGE)
                                .value(),
                        StandardCharsets.UTF_8))
                .contains("unknown supply type: PPE-UNICORN");
        assertThat(new String(
                        dead.headers()
                                .lastHeader(KafkaHeaders.DLT_ORIGINAL_TOPIC)
                                .value(),
                        StandardCharsets.UTF_8))
                .isEqualTo(Topics.REQUESTS.name());
        assertThat(matches.readValuesToList())
                .filteredOn(MatchMade.class::isInstance)
                .singleElement()
                .satisfies(match -> assertThat(((MatchMade) match).requestId()).isEqualTo("good"));
    }

    @Test
    void expiry_follows_stream_time_not_the_wall_clock() {
        requests.pipeInput(
                "PPE-GOWN",
                Events.request("due", "PPE-GOWN", 10, "KE", Urgency.HIGH, java.time.LocalDate.parse("2026-11-30"), T0),
                T0);
        Instant twoDaysLater = Instant.parse("2026-12-01T08:00:00Z");

        offers.pipeInput("PPE-GOWN", Events.offer("late", "PPE-GOWN", 10, null, twoDaysLater, "KE"), twoDaysLater);

        assertThat(matches.readValuesToList())
                .noneMatch(MatchMade.class::isInstance)
                .anySatisfy(event -> assertThat(event)
                        .isInstanceOfSatisfying(
                                org.aidmatch.contracts.events.RequestClosed.class,
                                closed -> assertThat(closed.reason()).isEqualTo(CloseReason.EXPIRED)));
    }
}
