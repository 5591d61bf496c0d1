package org.aidmatch.matcher.streams;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.aidmatch.contracts.events.AidEvent;
import org.aidmatch.contracts.events.MatchEvent;
import org.aidmatch.contracts.events.MatchMade;
import org.aidmatch.contracts.events.OfferClosed;
import org.aidmatch.contracts.events.OfferEvent;
import org.aidmatch.contracts.events.RequestClosed;
import org.aidmatch.contracts.events.RequestEvent;
import org.aidmatch.matching.BookEntry;
import org.aidmatch.matching.IndexedMatchingBook;
import org.aidmatch.matching.MatchingBook;
import org.aidmatch.matching.RejectedEvent;
import org.aidmatch.matching.Side;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.PunctuationType;
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
 * Feeds one task's events to its {@link MatchingBook}, keeps the book's entries in the changelogged
 * store, and forwards the decisions.
 *
 * <p>Under exactly-once, the store writes, the decisions and the input offsets commit in one
 * transaction, so a crash replays the uncommitted input against the restored store and produces the
 * same decisions once. Time is the record's timestamp, so a replay decides expiry alike.
 */
final class MatchingProcessor implements Processor<String, AidEvent, String, AidEvent> {

    private static final Logger log = LoggerFactory.getLogger(MatchingProcessor.class);
    /** Expiry is also checked when stream time moves on without events of this task. */
    private static final Duration EXPIRY_SWEEP = Duration.ofMinutes(1);

    private final MatcherMetrics metrics;
    private final Duration closedIdHorizon;
    private ProcessorContext<String, AidEvent> context;
    private KeyValueStore<String, BookEntry> store;
    private MatchingBook book;

    MatchingProcessor(MatcherMetrics metrics, Duration closedIdHorizon) {
        this.metrics = metrics;
        this.closedIdHorizon = closedIdHorizon;
    }

    @Override
    public void init(ProcessorContext<String, AidEvent> context) {
        this.context = context;
        this.store = context.getStateStore(MatcherTopology.BOOK_STORE);
        this.book = new IndexedMatchingBook(closedIdHorizon);
        long entries = 0;
        try (KeyValueIterator<String, BookEntry> all = store.all()) {
            while (all.hasNext()) {
                book.restore(all.next().value);
                entries++;
            }
        }
        log.info("Task {} rebuilt its book from {} stored entries", context.taskId(), entries);
        context.schedule(
                EXPIRY_SWEEP,
                PunctuationType.STREAM_TIME,
                timestamp -> decided(null, book.expire(Instant.ofEpochMilli(timestamp)), timestamp));
    }

    @Override
    public void process(Record<String, AidEvent> record) {
        AidEvent event = record.value();
        Instant now = Instant.ofEpochMilli(record.timestamp());
        List<MatchEvent> decisions;
        Touched arrived;
        try {
            if (event instanceof RequestEvent request) {
                decisions = book.apply(request, now);
                arrived = new Touched(Side.REQUEST, request.requestId());
            } else if (event instanceof OfferEvent offer) {
                decisions = book.apply(offer, now);
                arrived = new Touched(Side.OFFER, offer.offerId());
            } else {
                throw new RejectedEvent("not a request or offer event: " + event);
            }
        } catch (RejectedEvent e) {
            deadLetter(record, e);
            return;
        }
        decided(arrived, decisions, record.timestamp());
        metrics.decided(record.timestamp(), System.currentTimeMillis());
    }

    /**
     * Stores each entry the event or its decisions changed once, then forwards the decisions.
     *
     * @param arrived the entry of the event itself, or {@code null} when stream time alone decided
     */
    private void decided(Touched arrived, List<MatchEvent> decisions, long timestamp) {
        Set<Touched> touched = new LinkedHashSet<>();
        if (arrived != null) {
            touched.add(arrived);
        }
        for (MatchEvent decision : decisions) {
            if (decision instanceof MatchMade match) {
                touched.add(new Touched(Side.REQUEST, match.requestId()));
                touched.add(new Touched(Side.OFFER, match.offerId()));
            } else if (decision instanceof RequestClosed closed) {
                touched.add(new Touched(Side.REQUEST, closed.requestId()));
            } else if (decision instanceof OfferClosed closed) {
                touched.add(new Touched(Side.OFFER, closed.offerId()));
            }
        }
        // Ids the book forgot (rule 7) leave the store and its changelog too, so neither grows for
        // ever; first, since an id forgotten by this call may have been posted anew by it.
        for (BookEntry forgotten : book.takeForgotten()) {
            store.delete(key(forgotten.side(), forgotten.id()));
        }
        touched.forEach(entry -> store(entry.side(), entry.id()));
        for (MatchEvent decision : decisions) {
            context.forward(
                    new Record<>(decision.supplyType(), (AidEvent) decision, timestamp), MatcherTopology.MATCHES_SINK);
        }
    }

    /** A request or offer whose book entry a decision changed. */
    private record Touched(Side side, String id) {}

    private void store(Side side, String id) {
        book.entry(side, id).ifPresent(entry -> store.put(key(side, id), entry));
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
                : MatcherTopology.REQUESTS_DEAD_LETTER_SINK;
        context.forward(record.withHeaders(headers), sink);
    }

    private static String key(Side side, String id) {
        return side.name() + ":" + id;
    }

    private static byte[] bytes(String text) {
        return text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
    }
}
