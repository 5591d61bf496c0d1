package org.aidmatch.matcher.streams;

import java.time.Duration;
import org.aidmatch.contracts.events.AidEvent;
import org.aidmatch.contracts.topics.Topic;
import org.aidmatch.contracts.topics.Topics;
import org.aidmatch.matching.MatchingBook;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * requests + offers → matching processor (with its book store) → matches, or a dead-letter topic.
 *
 * <p>Both inputs are keyed by supply type and co-partitioned, so one task owns the whole book of
 * each of its supply types. The book store is persistent and changelogged: after a crash or a
 * rebalance, the task that takes over restores it and rebuilds its indexes from it.
 */
public final class MatcherTopology {

    public static final String BOOK_STORE = "matcher-book";
    static final String MATCHES_SINK = "matches";
    static final String REQUESTS_DEAD_LETTER_SINK = "requests-dead-letter";
    static final String OFFERS_DEAD_LETTER_SINK = "offers-dead-letter";

    private MatcherTopology() {}

    public static Topology build() {
        return build(MatcherMetrics.unregistered(), MatchingBook.DEFAULT_CLOSED_ID_HORIZON);
    }

    /** @param closedIdHorizon how long the book remembers a closed id (rule 7 of {@link MatchingBook}) */
    public static Topology build(MatcherMetrics metrics, Duration closedIdHorizon) {
        Topology topology = new Topology();
        topology.addSource(
                "requests",
                Topics.REQUESTS.keySerde().deserializer(),
                Topics.REQUESTS.valueSerde().deserializer(),
                Topics.REQUESTS.name());
        topology.addSource(
                "offers",
                Topics.OFFERS.keySerde().deserializer(),
                Topics.OFFERS.valueSerde().deserializer(),
                Topics.OFFERS.name());
        topology.addProcessor("matcher", () -> new MatchingProcessor(metrics, closedIdHorizon), "requests", "offers");
        topology.addStateStore(
                Stores.keyValueStoreBuilder(
                                Stores.persistentKeyValueStore(BOOK_STORE), Serdes.String(), new BookEntrySerde())
                        // An entry often changes twice within a commit (arrives, then is filled): the cache
                        // sends only its last state to the changelog.
                        .withCachingEnabled(),
                "matcher");
        addSink(topology, MATCHES_SINK, Topics.MATCHES);
        addSink(topology, REQUESTS_DEAD_LETTER_SINK, Topics.REQUESTS_DEAD_LETTER);
        addSink(topology, OFFERS_DEAD_LETTER_SINK, Topics.OFFERS_DEAD_LETTER);
        return topology;
    }

    /** The processor forwards events of the topic's family, so the sink writes with the topic's own serdes. */
    private static <V extends AidEvent> void addSink(Topology topology, String name, Topic<V> topic) {
        topology.addSink(
                name,
                topic.name(),
                topic.keySerde().serializer(),
                topic.valueSerde().serializer(),
                "matcher");
    }
}
