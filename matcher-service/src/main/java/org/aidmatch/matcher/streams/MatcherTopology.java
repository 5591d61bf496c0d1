package org.aidmatch.matcher.streams;

import org.aidmatch.contracts.events.AidEvent;
import org.aidmatch.contracts.json.EventSerde;
import org.aidmatch.contracts.topics.Topic;
import org.aidmatch.contracts.topics.Topics;
import org.aidmatch.matching.BookSettings;
import org.aidmatch.matching.MatchEntry;
import org.aidmatch.matching.Side;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * requests + offers + match commands + clock → matching processor (with its book and match
 * stores) → matches, or a dead-letter topic.
 *
 * <p>All four inputs are co-partitioned (the first three keyed by supply type, the clock written to
 * each partition), so one task owns the whole book of each of its supply types, decides every
 * command on its matches, and sees time pass. Both stores are persistent and changelogged: after a
 * crash or a rebalance, the task that takes over restores them and rebuilds its indexes from them.
 */
public final class MatcherTopology {

    /** Requests and offers, by {@link #bookKey}. */
    public static final String BOOK_STORE = "matcher-book";
    /** The standing matches, by match id. */
    public static final String MATCH_STORE = "matcher-matches";

    static final String MATCHES_SINK = "matches";
    static final String REQUESTS_DEAD_LETTER_SINK = "requests-dead-letter";
    static final String OFFERS_DEAD_LETTER_SINK = "offers-dead-letter";
    static final String MATCH_COMMANDS_DEAD_LETTER_SINK = "match-commands-dead-letter";

    private MatcherTopology() {}

    /** A posting's key in the book store: a request and an offer may share an id. */
    public static String bookKey(Side side, String id) {
        return side.name() + ":" + id;
    }

    public static Topology build() {
        return build(MatcherMetrics.unregistered(), BookSettings.DEFAULTS);
    }

    /** @param settings the durations the book decides by (see {@link org.aidmatch.matching.MatchingBook}) */
    public static Topology build(MatcherMetrics metrics, BookSettings settings) {
        Topology topology = new Topology();
        addSource(topology, "requests", Topics.REQUESTS);
        addSource(topology, "offers", Topics.OFFERS);
        addSource(topology, "commands", Topics.MATCH_COMMANDS);
        addSource(topology, "clock", Topics.CLOCK);
        topology.addProcessor(
                "matcher", () -> new MatchingProcessor(metrics, settings), "requests", "offers", "commands", "clock");
        topology.addStateStore(
                Stores.keyValueStoreBuilder(
                                Stores.persistentKeyValueStore(BOOK_STORE), Serdes.String(), new BookEntrySerde())
                        // An entry often changes twice within a commit (arrives, then is filled): the cache
                        // sends only its last state to the changelog.
                        .withCachingEnabled(),
                "matcher");
        topology.addStateStore(
                Stores.keyValueStoreBuilder(
                                Stores.persistentKeyValueStore(MATCH_STORE),
                                Serdes.String(),
                                new EventSerde<>(MatchEntry.class))
                        .withCachingEnabled(),
                "matcher");
        addSink(topology, MATCHES_SINK, Topics.MATCHES);
        addSink(topology, REQUESTS_DEAD_LETTER_SINK, Topics.REQUESTS_DEAD_LETTER);
        addSink(topology, OFFERS_DEAD_LETTER_SINK, Topics.OFFERS_DEAD_LETTER);
        addSink(topology, MATCH_COMMANDS_DEAD_LETTER_SINK, Topics.MATCH_COMMANDS_DEAD_LETTER);
        return topology;
    }

    private static <V extends AidEvent> void addSource(Topology topology, String name, Topic<V> topic) {
        topology.addSource(
                name, topic.keySerde().deserializer(), topic.valueSerde().deserializer(), topic.name());
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
