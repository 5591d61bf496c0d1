package org.aidmatch.load.pipeline;

import java.nio.ByteBuffer;
import org.aidmatch.load.pipeline.MatcherWrites.StoreWrite;
import org.aidmatch.load.pipeline.MatcherWrites.Writes;
import org.aidmatch.matcher.streams.MatcherTopology;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Writes, for each input record, what the matcher writes for it (its script, by the index in the
 * record's header): the same store keys with values of the same sizes, and output records of the
 * same sizes; it decides nothing and reads no value.
 */
final class SameWritesProcessor implements Processor<String, byte[], String, byte[]> {

    static final String SCRIPT_HEADER = "aidmatch-bench-script";
    static final String SINK = "same-writes-out";

    private final MatcherWrites script;
    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<String, byte[]> book;
    private KeyValueStore<String, byte[]> matches;

    SameWritesProcessor(MatcherWrites script) {
        this.script = script;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        this.book = context.getStateStore(MatcherTopology.BOOK_STORE);
        this.matches = context.getStateStore(MatcherTopology.MATCH_STORE);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        Header header = record.headers().lastHeader(SCRIPT_HEADER);
        Writes writes = script.writes(ByteBuffer.wrap(header.value()).getInt());
        for (StoreWrite write : writes.book()) {
            write(book, write);
        }
        for (StoreWrite write : writes.matches()) {
            write(matches, write);
        }
        for (int size : writes.outputSizes()) {
            context.forward(new Record<>(record.key(), new byte[size], record.timestamp()), SINK);
        }
    }

    private static void write(KeyValueStore<String, byte[]> store, StoreWrite write) {
        if (write.size() < 0) {
            store.delete(write.key());
        } else {
            store.put(write.key(), new byte[write.size()]);
        }
    }
}
