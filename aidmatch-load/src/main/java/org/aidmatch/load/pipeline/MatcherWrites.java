package org.aidmatch.load.pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.aidmatch.contracts.events.AidEvent;
import org.aidmatch.contracts.events.MatchEvent;
import org.aidmatch.contracts.events.OfferEvent;
import org.aidmatch.contracts.events.RequestEvent;
import org.aidmatch.contracts.json.AidEventSerializer;
import org.aidmatch.contracts.json.EventSerde;
import org.aidmatch.contracts.topics.Topics;
import org.aidmatch.matcher.streams.BookEntrySerde;
import org.aidmatch.matcher.streams.MatcherTopology;
import org.aidmatch.matching.BookChanges;
import org.aidmatch.matching.BookEntry;
import org.aidmatch.matching.IndexedMatchingBook;
import org.aidmatch.matching.MatchEntry;
import org.aidmatch.matching.MatchingBook;

/**
 * What the matcher writes for each input event, found by running the same events through the
 * matching core and serialising its changes and decisions as the matcher's processor does: the
 * script of the same-writes baseline.
 */
final class MatcherWrites {

    /** One store write: a value of {@code size} bytes under {@code key}, or a delete when size is negative. */
    record StoreWrite(String key, int size) {}

    /** Everything the matcher writes for one input event. */
    record Writes(List<StoreWrite> book, List<StoreWrite> matches, int[] outputSizes) {}

    private final MatchingBook book = new IndexedMatchingBook();
    private final BookEntrySerde entrySerde = new BookEntrySerde();
    private final EventSerde<MatchEntry> matchSerde = new EventSerde<>(MatchEntry.class);
    private final AidEventSerializer eventSerializer = new AidEventSerializer();
    private final List<Writes> planned = new ArrayList<>();
    private long outputs;
    private long bookWrites;
    private long matchWrites;

    /** Plans the event, which the matcher will see after all planned before it; returns its index. */
    synchronized int plan(AidEvent event) {
        Instant now = Instant.ofEpochMilli(event.occurredAt().toEpochMilli());
        List<MatchEvent> decisions;
        if (event instanceof RequestEvent request) {
            decisions = book.apply(request, now);
        } else if (event instanceof OfferEvent offer) {
            decisions = book.apply(offer, now);
        } else {
            throw new IllegalArgumentException("only postings are benchmarked: " + event);
        }
        BookChanges changes = book.takeChanges();
        List<StoreWrite> bookWrites = new ArrayList<>();
        for (BookEntry forgotten : changes.forgotten()) {
            bookWrites.add(new StoreWrite(key(forgotten), -1));
        }
        for (BookEntry entry : changes.entries()) {
            bookWrites.add(new StoreWrite(key(entry), entrySerde.serialize(null, entry).length));
        }
        List<StoreWrite> matchWrites = new ArrayList<>();
        for (MatchEntry match : changes.matches()) {
            matchWrites.add(new StoreWrite(match.matchId(), matchSerde.serialize(null, match).length));
        }
        for (String ended : changes.endedMatchIds()) {
            matchWrites.add(new StoreWrite(ended, -1));
        }
        int[] sizes = new int[decisions.size()];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = eventSerializer.serialize(Topics.MATCHES.name(), decisions.get(i)).length;
        }
        outputs += sizes.length;
        this.bookWrites += bookWrites.size();
        this.matchWrites += matchWrites.size();
        planned.add(new Writes(bookWrites, matchWrites, sizes));
        return planned.size() - 1;
    }

    synchronized Writes writes(int index) {
        return planned.get(index);
    }

    /** How many records the matcher writes to its output for all events planned so far. */
    synchronized long outputs() {
        return outputs;
    }

    synchronized int planned() {
        return planned.size();
    }

    /** Book store writes (puts and deletes) for all events planned so far. */
    synchronized long bookWrites() {
        return bookWrites;
    }

    /** Match store writes (puts and deletes) for all events planned so far. */
    synchronized long matchWrites() {
        return matchWrites;
    }

    private static String key(BookEntry entry) {
        return MatcherTopology.bookKey(entry.side(), entry.id());
    }
}
