package org.aidmatch.matcher.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.aidmatch.testing.KafkaTestBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

/**
 * How {@link MatcherStreams} answers a stream thread that dies, on a real broker, with the
 * matcher's own settings (exactly-once) and a topology whose one processor fails on purpose.
 */
class MatcherStreamsFailureIT {

    private final String bootstrap = KafkaTestBroker.bootstrapServers();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String input = "failure-it-in-" + run;
    private final String output = "failure-it-out-" + run;

    @Test
    void a_thread_that_fails_once_is_replaced_and_the_record_it_failed_on_comes_out_once() throws Exception {
        AtomicInteger failuresLeft = new AtomicInteger(1);
        MatcherStreams streams = start(failuresLeft);
        try {
            send("first");

            List<String> out = awaitOutput(1, Duration.ofSeconds(60));
            Thread.sleep(1_000); // so that a second copy would show

            assertThat(failuresLeft).as("the processor did fail").hasValue(0);
            assertThat(readOutput()).as("the record, exactly once").containsExactly("FIRST");
            assertThat(out).containsExactly("FIRST");
            assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING);
            assertThat(new MatcherHealth(streams).health().getStatus().getCode())
                    .isEqualTo("UP");
        } finally {
            streams.stop();
        }
    }

    @Test
    void threads_that_keep_failing_shut_the_matcher_down_and_its_health_says_so() throws Exception {
        MatcherStreams streams = start(new AtomicInteger(Integer.MAX_VALUE));
        try {
            send("poison");

            Instant deadline = Instant.now().plusSeconds(120);
            while (streams.state() != KafkaStreams.State.ERROR && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }

            assertThat(streams.state()).isEqualTo(KafkaStreams.State.ERROR);
            assertThat(new MatcherHealth(streams).health().getStatus().getCode())
                    .isEqualTo("DOWN");
            assertThat(readOutput()).isEmpty();
        } finally {
            streams.stop();
        }
    }

    private MatcherStreams start(AtomicInteger failuresLeft) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(input, 1, (short) 1), new NewTopic(output, 1, (short) 1)))
                    .all()
                    .get();
        }
        Topology topology = new Topology();
        topology.addSource("in", Serdes.String().deserializer(), Serdes.String().deserializer(), input);
        topology.addProcessor("upper", () -> new FailingUpperCase(failuresLeft), "in");
        topology.addSink(
                "out", output, Serdes.String().serializer(), Serdes.String().serializer(), "upper");
        Map<String, Object> base = Map.of(
                StreamsConfig.APPLICATION_ID_CONFIG,
                "failure-it-" + run,
                StreamsConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                StreamsConfig.STATE_DIR_CONFIG,
                Files.createTempDirectory("failure-it").toString(),
                // A replaced thread's tasks wait for the dead one's static membership to time out:
                // 45 s by default, the broker's 6 s minimum here.
                StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG),
                6_000);
        MatcherStreams streams = new MatcherStreams(
                topology,
                MatcherStreamsConfig.of(base, 1, (record, cause) -> {
                    throw new AssertionError("unexpected unreadable record", cause);
                }),
                Duration.ofSeconds(30));
        streams.start();
        return streams;
    }

    /** Upper-cases each value, after throwing as many times as it is told to. */
    private static final class FailingUpperCase implements Processor<String, String, String, String> {

        private final AtomicInteger failuresLeft;
        private ProcessorContext<String, String> context;

        FailingUpperCase(AtomicInteger failuresLeft) {
            this.failuresLeft = failuresLeft;
        }

        @Override
        public void init(ProcessorContext<String, String> context) {
            this.context = context;
        }

        @Override
        public void process(Record<String, String> record) {
            if (failuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                throw new IllegalStateException("failing on purpose");
            }
            context.forward(record.withValue(record.value().toUpperCase()));
        }
    }

    private void send(String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(input, "k", value)).get();
        }
    }

    private List<String> awaitOutput(int count, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        List<String> out = readOutput();
        while (out.size() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            out = readOutput();
        }
        return out;
    }

    /** What the output topic holds, committed records only. */
    private List<String> readOutput() {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(),
                new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(output, 0);
            consumer.assign(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            List<String> values = new ArrayList<>();
            while (consumer.position(partition) < end) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
            return values;
        }
    }
}
