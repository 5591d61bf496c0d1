package org.aidmatch.matcher.streams;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.aidmatch.contracts.commands.MatchCommand;
import org.aidmatch.contracts.events.AidEvent;
import org.aidmatch.contracts.events.ClockTicked;
import org.aidmatch.contracts.events.MatchEvent;
import org.aidmatch.contracts.events.OfferEvent;
import org.aidmatch.contracts.events.RequestEvent;
import org.aidmatch.matching.BookChanges;
import org.aidmatch.matching.BookEntry;
import org.aidmatch.matching.BookSettings;
import org.aidmatch.matching.IndexedMatchingBook;
import org.aidmatch.matching.MatchEntry;
import org.aidmatch.matching.MatchingBook;
import org.aidmatch.matching.RejectedEvent;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Feeds one task's postings, commands and clock ticks to its {@link MatchingBook}, keeps the book's
 * entries and standing matches in two changelogged stores, and forwards the decisions.
 *
 * <p>Under exactly-once, the store writes, the decisions and the input offsets commit in one
 * transaction, so a crash replays the uncommitted input against the restored stores and produces
 * the same decisions once. Time is the record's timestamp, never the wall clock: deadlines fire on
 * the ticks the matcher writes into {@code aid.clock.v1}, so a replay decides them alike.
 */
final class MatchingProcessor implements Processor<String, AidEvent, String, AidEvent> {

    private static final Logger log = LoggerFactory.getLogger(MatchingProcessor.class);

    private final MatcherMetrics metrics;
    private final BookSettings settings;
    private ProcessorContext<String, AidEvent> context;
    private KeyValueStore<String, BookEntry> entries;
    private KeyValueStore<String, MatchEntry> matches;
    private MatchingBook book;

    MatchingProcessor(MatcherMetrics metrics, BookSettings settings) {
        this.metrics = metrics;
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, AidEvent> context) {
        this.context = context;
        this.entries = context.getStateStore(MatcherTopology.BOOK_STORE);
        this.matches = context.getStateStore(MatcherTopology.MATCH_STORE);
        this.book = new IndexedMatchingBook(settings);
        long restored = 0;
        try (KeyValueIterator<String, BookEntry> all = entries.all()) {
            while (all.hasNext()) {
                book.restore(all.next().value);
                restored++;
            }
        }
        long standing = 0;
        // After the entries, which the matches link to.
        try (KeyValueIterator<String, MatchEntry> all = matches.all()) {
            while (all.hasNext()) {
                book.restore(all.next().value);
                standing++;
            }
        }
        log.info(
                "Task {} rebuilt its book from {} entries and {} standing matches",
                context.taskId(),
                restored,
                standing);
    }

    @Override
    public void process(Record<String, AidEvent> record) {
        AidEvent event = record.value();
        Instant now = Instant.ofEpochMilli(record.timestamp());
        List<MatchEvent> decisions;
        try {
            if (event instanceof RequestEvent request) {
                decisions = book.apply(request, now);
            } else if (event instanceof OfferEvent offer) {
                decisions = book.apply(offer, now);
            } else if (event instanceof MatchCommand command) {
                decisions = book.apply(command, now);
            } else if (event instanceof ClockTicked) {
                decisions = book.advance(now);
            } else {
                throw new RejectedEvent("not a request, offer, command or clock event: " + event);
            }
        } catch (RejectedEvent e) {
            deadLetter(record, e);
            return;
        }
        decided(decisions, record.timestamp());
        if (!(event instanceof ClockTicked)) {
            metrics.decided(record.timestamp(), System.currentTimeMillis());
        }
    }

    /** Writes what the book changed to the stores, then forwards the decisions. */
    private void decided(List<MatchEvent> decisions, long timestamp) {
        BookChanges changes = book.takeChanges();
        // First: an id forgotten by this call (rule 7) may have been posted anew by it.
        for (BookEntry forgotten : changes.forgotten()) {
            entries.delete(MatcherTopology.bookKey(forgotten.side(), forgotten.id()));
        }
        for (BookEntry entry : changes.entries()) {
            entries.put(MatcherTopology.bookKey(entry.side(), entry.id()), entry);
        }
        for (MatchEntry match : changes.matches()) {
            matches.put(match.matchId(), match);
        }
        for (String ended : changes.endedMatchIds()) {
            matches.delete(ended);
        }
        for (MatchEvent decision : decisions) {
            context.forward(
                    new Record<>(decision.supplyType(), (AidEvent) decision, timestamp), MatcherTopology.MATCHES_SINK);
        }
    }

    private void deadLetter(Record<String, AidEvent> record, RejectedEvent cause) {
        String source = context.recordMetadata().map(RecordMetadata::topic).orElse("unknown");
        log.warn("Dead-lettering a record of {}: {}", source, cause.getMessage());
        metrics.rejected(source, "invalid");
        Headers headers = new RecordHeaders(record.headers().toArray());
        headers.add(KafkaHeaders.DLT_EXCEPTION_FQCN, bytes(cause.getClass().getName()));
        headers.add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, bytes(cause.getMessage()));
        context.recordMetadata().ifPresent(metadata -> {
            headers.add(KafkaHeaders.DLT_ORIGINAL_TOPIC, bytes(metadata.topic()));
            // Binary, as Spring's DeadLetterPublishingRecoverer writes them for unreadable records.
            headers.add(
                    KafkaHeaders.DLT_ORIGINAL_PARTITION,
                    ByteBuffer.allocate(4).putInt(metadata.partition()).array());
            headers.add(
                    KafkaHeaders.DLT_ORIGINAL_OFFSET,
                    ByteBuffer.allocate(8).putLong(metadata.offset()).array());
        });
        String sink = record.value() instanceof OfferEvent
                ? MatcherTopology.OFFERS_DEAD_LETTER_SINK
                : record.value() instanceof MatchCommand
                        ? MatcherTopology.MATCH_COMMANDS_DEAD_LETTER_SINK
                        : MatcherTopology.REQUESTS_DEAD_LETTER_SINK;
        context.forward(record.withHeaders(headers), sink);
    }

    private static byte[] bytes(String text) {
        return text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
    }
}
