package org.aidmatch.bench.pipeline;

import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.HdrHistogram.Histogram;
import org.aidmatch.contracts.catalogue.SupplyCatalogue;
import org.aidmatch.contracts.catalogue.SupplyType;
import org.aidmatch.contracts.events.AidEvent;
import org.aidmatch.contracts.events.MatchMade;
import org.aidmatch.contracts.events.OfferPosted;
import org.aidmatch.contracts.events.RequestPosted;
import org.aidmatch.contracts.events.Urgency;
import org.aidmatch.contracts.json.AidEventSerializer;
import org.aidmatch.contracts.json.EventSerde;
import org.aidmatch.contracts.topics.Topics;
import org.aidmatch.matcher.streams.MatcherStreams;
import org.aidmatch.matcher.streams.MatcherStreamsConfig;
import org.aidmatch.matcher.streams.MatcherTopology;
import org.aidmatch.testing.KafkaTestBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

/**
 * The matcher pipeline on a real (embedded KRaft) broker, against a baseline measured in the same
 * run: an identity topology with the same exactly-once settings that copies each input record to
 * an output topic. Reports events per second for both and their ratio, then post-to-match latency
 * percentiles at a fixed rate of 1,000 events per second.
 *
 * <pre>java -cp aidmatch-bench/target/benchmarks.jar org.aidmatch.bench.pipeline.PipelineBenchmark [events]</pre>
 */
public final class PipelineBenchmark {

    private static final String IDENTITY_OUT = "bench.identity.out";

    private final String bootstrap = KafkaTestBroker.bootstrapServers();
    private final List<String> supplyTypes =
            SupplyCatalogue.standard().all().stream().map(SupplyType::code).toList();
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 40_000;
        new PipelineBenchmark().measure(events);
        System.exit(0);
    }

    private void measure(int events) throws Exception {
        KafkaTestBroker.createTopics();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(IDENTITY_OUT, 6, (short) 1))).all().get();
        }
        double identity = identityThroughput(events);
        double matcher = matcherThroughput(events);
        System.out.printf("identity EOS topology: %.0f events/s%n", identity);
        System.out.printf("matcher pipeline:      %.0f events/s%n", matcher);
        System.out.printf("ratio matcher/identity: %.2f%n", matcher / identity);
        latencyAtFixedRate(1_000, 20);
    }

    /** Copies aid.requests.v1 to an output topic with the matcher's streams settings. */
    private double identityThroughput(int events) throws Exception {
        Topology identity = new Topology();
        identity.addSource("in", Topics.REQUESTS.name());
        identity.addSink("out", IDENTITY_OUT, "in");
        KafkaStreams streams = new KafkaStreams(identity, properties("bench-identity-" + run));
        startAndAwaitRunning(streams);
        try (KafkaConsumer<String, byte[]> out = committedReader(IDENTITY_OUT)) {
            long started = System.nanoTime();
            try (KafkaProducer<String, byte[]> producer = producer()) {
                for (int i = 0; i < events; i++) {
                    send(producer, request("id-" + i, i));
                }
            }
            awaitCount(out, events);
            return events / ((System.nanoTime() - started) / 1e9);
        } finally {
            streams.close();
        }
    }

    /** Pairs that each make one match; events/s counts requests and offers in. */
    private double matcherThroughput(int events) throws Exception {
        MatcherStreams matcher = matcher();
        try (KafkaConsumer<String, byte[]> decisions = committedReader(Topics.MATCHES.name())) {
            long started = System.nanoTime();
            try (KafkaProducer<String, byte[]> producer = producer()) {
                for (int i = 0; i < events / 2; i++) {
                    send(producer, request("tp-" + i, i));
                    send(producer, offer("tp-" + i, i));
                }
            }
            // each pair makes a match and closes both sides: three decisions
            awaitCount(decisions, 3L * (events / 2));
            return events / ((System.nanoTime() - started) / 1e9);
        } finally {
            matcher.stop();
        }
    }

    /** Offers sent at a fixed rate, each filling a waiting request; latency from offer sent to match read. */
    private void latencyAtFixedRate(int eventsPerSecond, int seconds) throws Exception {
        MatcherStreams matcher = matcher();
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Histogram latency = new Histogram(60_000_000L, 3);
        EventSerde<org.aidmatch.contracts.events.MatchEvent> matches =
                new EventSerde<>(org.aidmatch.contracts.events.MatchEvent.class);
        int pairs = eventsPerSecond / 2 * seconds;
        try (KafkaConsumer<String, byte[]> consumer = committedReader(Topics.MATCHES.name());
                KafkaProducer<String, byte[]> producer = producer()) {
            Thread sender = new Thread(() -> {
                long interval = 1_000_000_000L / (eventsPerSecond / 2);
                long next = System.nanoTime();
                for (int i = 0; i < pairs; i++) {
                    while (System.nanoTime() < next) {
                        Thread.onSpinWait();
                    }
                    send(producer, request("lat-" + i, i));
                    sentAt.put("lat-" + i + "-" + run, System.nanoTime());
                    send(producer, offer("lat-" + i, i));
                    next += interval;
                }
            });
            sender.start();
            int seen = 0;
            long deadline = System.nanoTime() + (seconds + 60) * 1_000_000_000L;
            while (seen < pairs && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(java.time.Duration.ofMillis(50))) {
                    if (matches.deserialize(record.topic(), record.value()) instanceof MatchMade match) {
                        Long sent = sentAt.remove(match.requestId());
                        if (sent != null) {
                            latency.recordValue(Math.max(1, (System.nanoTime() - sent) / 1_000));
                            seen++;
                        }
                    }
                }
            }
            sender.join();
        } finally {
            matcher.stop();
        }
        System.out.printf("post-to-match latency at %d events/s over %d s (%d matches): p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms%n",
                eventsPerSecond, seconds, latency.getTotalCount(), latency.getValueAtPercentile(50) / 1e3,
                latency.getValueAtPercentile(99) / 1e3, latency.getValueAtPercentile(99.9) / 1e3,
                latency.getMaxValue() / 1e3);
    }

    /** A fresh matcher that starts at the end of the input topics, so earlier phases are no backlog. */
    private MatcherStreams matcher() throws Exception {
        Map<String, Object> base = Map.of(StreamsConfig.APPLICATION_ID_CONFIG, "bench-matcher-" + UUID.randomUUID(),
                StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("bench-matcher").toString(),
                "auto.offset.reset", "latest");
        MatcherStreams matcher = new MatcherStreams(MatcherTopology.build(),
                MatcherStreamsConfig.of(base, 1, (record, cause) -> { }));
        matcher.start();
        while (matcher.state() != KafkaStreams.State.RUNNING) {
            Thread.sleep(100);
        }
        return matcher;
    }

    private Properties properties(String applicationId) throws Exception {
        Properties properties = new Properties();
        properties.putAll(MatcherStreamsConfig.of(Map.of(StreamsConfig.APPLICATION_ID_CONFIG, applicationId,
                StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("bench-identity").toString(),
                "auto.offset.reset", "latest"), 1,
                (record, cause) -> { }));
        return properties;
    }

    private static void startAndAwaitRunning(KafkaStreams streams) throws InterruptedException {
        streams.start();
        while (streams.state() != KafkaStreams.State.RUNNING) {
            Thread.sleep(100);
        }
    }

    private RequestPosted request(String id, int i) {
        return new RequestPosted(UUID.randomUUID().toString(), id + "-" + run, "hospital",
                supplyTypes.get(i % supplyTypes.size()), 10, "KE", Urgency.HIGH, null, null, Instant.now(),
                AidEvent.CURRENT_SCHEMA_VERSION);
    }

    private OfferPosted offer(String id, int i) {
        return new OfferPosted(UUID.randomUUID().toString(), id + "-" + run, "donor",
                supplyTypes.get(i % supplyTypes.size()), 10, List.of("014"), null, null, Instant.now(),
                AidEvent.CURRENT_SCHEMA_VERSION);
    }

    private static byte[] bytes(AidEvent event) {
        return new AidEventSerializer().serialize("bench", event);
    }

    private static void send(KafkaProducer<String, byte[]> producer, AidEvent event) {
        String topic = event instanceof RequestPosted ? Topics.REQUESTS.name() : Topics.OFFERS.name();
        producer.send(new ProducerRecord<>(topic, null, event.occurredAt().toEpochMilli(), event.supplyType(), bytes(event)));
    }

    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap, "acks", "all", "linger.ms", 1,
                "enable.idempotence", false, "max.in.flight.requests.per.connection", 1),
                new StringSerializer(), new ByteArraySerializer());
    }

    private KafkaConsumer<String, byte[]> committedReader(String topic) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
                "isolation.level", "read_committed"), new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }

    /** Reads until {@code count} committed records have arrived. */
    private static void awaitCount(KafkaConsumer<String, byte[]> consumer, long count) {
        long read = 0;
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (read < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + read + " of " + count + " records arrived");
            }
            read += consumer.poll(java.time.Duration.ofMillis(50)).count();
        }
    }
}
