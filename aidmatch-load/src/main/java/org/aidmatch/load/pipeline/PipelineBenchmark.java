package org.aidmatch.load.pipeline;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;
import org.aidmatch.contracts.catalogue.SupplyCatalogue;
import org.aidmatch.contracts.catalogue.SupplyType;
import org.aidmatch.contracts.events.AidEvent;
import org.aidmatch.contracts.events.OfferPosted;
import org.aidmatch.contracts.events.RequestPosted;
import org.aidmatch.contracts.events.Urgency;
import org.aidmatch.contracts.json.AidEventSerializer;
import org.aidmatch.contracts.topics.Topics;
import org.aidmatch.load.CommittedTail;
import org.aidmatch.load.Latencies;
import org.aidmatch.load.MatchWatch;
import org.aidmatch.matcher.streams.MatcherStreams;
import org.aidmatch.matcher.streams.MatcherStreamsConfig;
import org.aidmatch.matcher.streams.MatcherTopology;
import org.aidmatch.testing.KafkaTestBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * The matcher on a real (embedded KRaft) broker, posting straight to Kafka, against two baselines
 * measured in the same run, both with the matcher's exactly-once settings and reading the same two
 * input topics (so they have the same tasks):
 *
 * <ul>
 *   <li>identity: copies every record to one output;
 *   <li>same writes: writes for each record what the matcher writes for it, as many output records
 *       and store updates (same keys, values of the same sizes, into stores configured as the
 *       matcher's), without deciding anything: the most the matcher can do under exactly-once with
 *       the writes it makes. The script comes from running the same events through the matching
 *       core ({@link MatcherWrites}).
 * </ul>
 *
 * <ol>
 *   <li>Backlog: {@code events} requests and offers are written first; each topology then drains
 *       them from the start, timed from RUNNING until its last output is readable committed.</li>
 *   <li>Live: the same number of events sent as fast as one producer (acks=all) goes, while the
 *       topology runs, timed from the first send to the last committed output.</li>
 *   <li>Post-to-match latency: pairs sent at a fixed rate of 1,000 events per second; from each
 *       offer's send to its match being readable committed, in an HdrHistogram, after a warm-up.</li>
 * </ol>
 *
 * Each pair is a request and an offer that fills it: one proposed match, which stands (no one
 * answers in a benchmark), and the stores' entries for both postings and the match.
 */
public final class PipelineBenchmark {

    private static final String IDENTITY_OUT = "bench.identity.out";
    private static final String SAME_WRITES_OUT = "bench.same-writes.out";
    private static final int WARM_UP_EVENTS = 20_000;
    /** Send as the services do (idempotent, no linger), and offers from a producer of their own. */
    private static final boolean AS_SERVICES = Boolean.getBoolean("aidmatch.bench.as-services");

    private final String bootstrap = KafkaTestBroker.bootstrapServers();
    private final List<String> supplyTypes =
            SupplyCatalogue.standard().all().stream().map(SupplyType::code).toList();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final AidEventSerializer serializer = new AidEventSerializer();
    private final MatcherWrites script = new MatcherWrites();

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 40_000;
        int status = 1;
        try {
            new PipelineBenchmark().measure(events);
            status = 0;
        } finally {
            // Stopped before exiting: in a shutdown hook it raced the deletion of its own log directory.
            KafkaTestBroker.stop();
            // the embedded broker's threads would keep the JVM alive
            System.exit(status);
        }
    }

    private void measure(int events) throws Exception {
        KafkaTestBroker.createTopics();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(
                            new NewTopic(IDENTITY_OUT, 6, (short) 1), new NewTopic(SAME_WRITES_OUT, 6, (short) 1)))
                    .all()
                    .get();
        }
        System.out.println("warming up the three topologies with " + WARM_UP_EVENTS + " events each");
        live(this::identity, "warm-identity", WARM_UP_EVENTS, IDENTITY_OUT, false);
        live(this::sameWrites, "warm-same-writes", WARM_UP_EVENTS, SAME_WRITES_OUT, true);
        live(this::matcher, "warm-matcher", WARM_UP_EVENTS, Topics.MATCHES.name(), true);

        try (KafkaProducer<String, byte[]> producer = producer()) {
            sendPairs(producer, "backlog", events / 2);
        }
        // A topology that starts from the earliest offsets also drains the warm-ups.
        int backlog = events + 3 * WARM_UP_EVENTS;
        long backlogOutputs = script.outputs();
        double identityBacklog = drain(this::identity, backlog, IDENTITY_OUT, backlog);
        double sameWritesBacklog = drain(this::sameWrites, backlog, SAME_WRITES_OUT, backlogOutputs);
        double matcherBacklog = drain(this::matcher, backlog, Topics.MATCHES.name(), backlogOutputs);
        double identityLive = live(this::identity, "live-identity", events, IDENTITY_OUT, false);
        double sameWritesLive = live(this::sameWrites, "live-same-writes", events, SAME_WRITES_OUT, true);
        double matcherLive = live(this::matcher, "live-matcher", events, Topics.MATCHES.name(), true);
        Histogram latency = latencyAtFixedRate(1_000, 5, 20);

        System.out.printf("%nevents per run: %d live, %d in the backlog (request/offer pairs)%n", events, backlog);
        System.out.printf(
                "the matcher's writes per event: %.2f output records, %.2f book and %.2f match store updates%n",
                (double) script.outputs() / script.planned(),
                script.bookWrites() / (double) script.planned(),
                script.matchWrites() / (double) script.planned());
        report("backlog", identityBacklog, sameWritesBacklog, matcherBacklog);
        report("live   ", identityLive, sameWritesLive, matcherLive);
        System.out.println("post-to-match at 1000 events/s, 20 s after 5 s warm-up: " + Latencies.describe(latency));
    }

    private static void report(String run, double identity, double sameWrites, double matcher) {
        System.out.printf(
                "%s  identity %8.0f   same writes %8.0f   matcher %8.0f events/s"
                        + "   matcher/same-writes %.2f   matcher/identity %.2f%n",
                run, identity, sameWrites, matcher, matcher / sameWrites, matcher / identity);
    }

    /** A topology to measure, started from the earliest or the latest input offsets. */
    private interface Pipeline {
        AutoCloseable start(String offsetReset) throws Exception;
    }

    /** All events already on the input topics; events/s from RUNNING to the last committed output. */
    private double drain(Pipeline pipeline, int events, String output, long outputs) throws Exception {
        try (KafkaConsumer<String, byte[]> out = CommittedTail.open(bootstrap, output);
                AutoCloseable started = pipeline.start("earliest")) {
            long running = System.nanoTime();
            CommittedTail.awaitCount(out, outputs);
            return events / ((System.nanoTime() - running) / 1e9);
        }
    }

    /**
     * Events sent while the topology runs; events/s from the first send to the last committed output,
     * which is one per event, or, when {@code asMatcher}, as many as the matcher writes.
     */
    private double live(Pipeline pipeline, String tag, int events, String output, boolean asMatcher) throws Exception {
        try (KafkaConsumer<String, byte[]> out = CommittedTail.open(bootstrap, output);
                AutoCloseable started = pipeline.start("latest")) {
            long begun = System.nanoTime();
            long outputsBefore = script.outputs();
            try (KafkaProducer<String, byte[]> producer = producer()) {
                sendPairs(producer, tag, events / 2);
            }
            CommittedTail.awaitCount(out, asMatcher ? script.outputs() - outputsBefore : events);
            return events / ((System.nanoTime() - begun) / 1e9);
        }
    }

    /** Offers sent at a fixed rate, each filling the request sent just before it. */
    private Histogram latencyAtFixedRate(int eventsPerSecond, int warmUpSeconds, int seconds) throws Exception {
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        int pairsPerSecond = eventsPerSecond / 2;
        int warmUpPairs = pairsPerSecond * warmUpSeconds;
        int pairs = warmUpPairs + pairsPerSecond * seconds;
        try (KafkaConsumer<String, byte[]> consumer = CommittedTail.open(bootstrap, Topics.MATCHES.name());
                AutoCloseable matcher = matcher("latest");
                KafkaProducer<String, byte[]> producer = producer();
                KafkaProducer<String, byte[]> offerProducer = AS_SERVICES ? servicesProducer() : null) {
            Thread sender = new Thread(
                    () -> {
                        long interval = 1_000_000_000L / pairsPerSecond;
                        long next = System.nanoTime();
                        for (int i = 0; i < pairs; i++) {
                            // Parks rather than spins: a spinning sender would take one of the two cores.
                            LockSupport.parkNanos(next - System.nanoTime());
                            send(producer, request("lat-" + i, i));
                            if (i >= warmUpPairs) {
                                sentAt.put(id("lat-" + i), System.nanoTime());
                            }
                            send(offerProducer != null ? offerProducer : producer, offer("lat-" + i, i));
                            next += interval;
                        }
                    },
                    "fixed-rate-sender");
            sender.start();
            Histogram latency = MatchWatch.await(
                    consumer, sentAt, pairs - warmUpPairs, Duration.ofSeconds(warmUpSeconds + seconds + 60));
            sender.join();
            return latency;
        }
    }

    private AutoCloseable identity(String offsetReset) throws Exception {
        Topology identity = new Topology();
        identity.addSource("in", Topics.REQUESTS.name(), Topics.OFFERS.name());
        identity.addSink("out", IDENTITY_OUT, "in");
        return started(identity, "bench-identity-", offsetReset);
    }

    private AutoCloseable sameWrites(String offsetReset) throws Exception {
        Topology topology = new Topology();
        topology.addSource("in", Topics.REQUESTS.name(), Topics.OFFERS.name());
        topology.addProcessor("same-writes", () -> new SameWritesProcessor(script), "in");
        for (String store : List.of(MatcherTopology.BOOK_STORE, MatcherTopology.MATCH_STORE)) {
            topology.addStateStore(
                    Stores.keyValueStoreBuilder(
                                    Stores.persistentKeyValueStore(store), Serdes.String(), Serdes.ByteArray())
                            .withCachingEnabled(),
                    "same-writes");
        }
        topology.addSink(SameWritesProcessor.SINK, SAME_WRITES_OUT, "same-writes");
        return started(topology, "bench-same-writes-", offsetReset);
    }

    /** A baseline topology, running with the matcher's streams settings. */
    private AutoCloseable started(Topology topology, String applicationPrefix, String offsetReset) throws Exception {
        Properties properties = new Properties();
        properties.putAll(streamsConfig(applicationPrefix, offsetReset));
        KafkaStreams streams = new KafkaStreams(topology, properties);
        streams.start();
        awaitRunning(streams::state);
        return streams::close;
    }

    private AutoCloseable matcher(String offsetReset) throws Exception {
        MatcherStreams matcher = new MatcherStreams(
                MatcherTopology.build(), streamsConfig("bench-matcher-", offsetReset), Duration.ofSeconds(30));
        matcher.start();
        awaitRunning(matcher::state);
        return matcher::stop;
    }

    /** The matcher's own settings (exactly-once v2, 100 ms commits), for both topologies. */
    private Map<String, Object> streamsConfig(String applicationPrefix, String offsetReset) throws Exception {
        return MatcherStreamsConfig.of(
                Map.of(
                        StreamsConfig.APPLICATION_ID_CONFIG,
                        applicationPrefix + UUID.randomUUID(),
                        StreamsConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        StreamsConfig.STATE_DIR_CONFIG,
                        Files.createTempDirectory(applicationPrefix).toString(),
                        "auto.offset.reset",
                        offsetReset),
                1,
                (record, cause) -> {});
    }

    private static void awaitRunning(Supplier<KafkaStreams.State> state) throws InterruptedException {
        while (state.get() != KafkaStreams.State.RUNNING) {
            Thread.sleep(10);
        }
    }

    private void sendPairs(KafkaProducer<String, byte[]> producer, String tag, int pairs) {
        for (int i = 0; i < pairs; i++) {
            sendScripted(producer, request(tag + "-" + i, i));
            sendScripted(producer, offer(tag + "-" + i, i));
        }
        producer.flush();
    }

    private String id(String name) {
        return name + "-" + run;
    }

    private RequestPosted request(String name, int i) {
        return new RequestPosted(
                UUID.randomUUID().toString(),
                id(name),
                "hospital",
                supplyTypes.get(i % supplyTypes.size()),
                10,
                "KE",
                Urgency.HIGH,
                null,
                null,
                Instant.now(),
                AidEvent.CURRENT_SCHEMA_VERSION);
    }

    /** An offer for Eastern Africa (014), which covers the request's Kenya. */
    private OfferPosted offer(String name, int i) {
        return new OfferPosted(
                UUID.randomUUID().toString(),
                id(name),
                "donor",
                supplyTypes.get(i % supplyTypes.size()),
                10,
                List.of("014"),
                null,
                null,
                Instant.now(),
                AidEvent.CURRENT_SCHEMA_VERSION);
    }

    private void send(KafkaProducer<String, byte[]> producer, AidEvent event) {
        producer.send(record(event));
    }

    /** With the index of the matcher's writes for it, for the same-writes baseline. */
    private void sendScripted(KafkaProducer<String, byte[]> producer, AidEvent event) {
        ProducerRecord<String, byte[]> record = record(event);
        record.headers()
                .add(
                        SameWritesProcessor.SCRIPT_HEADER,
                        ByteBuffer.allocate(4).putInt(script.plan(event)).array());
        producer.send(record);
    }

    private ProducerRecord<String, byte[]> record(AidEvent event) {
        String topic = event instanceof RequestPosted ? Topics.REQUESTS.name() : Topics.OFFERS.name();
        return new ProducerRecord<>(
                topic, null, event.occurredAt().toEpochMilli(), event.supplyType(), serializer.serialize(topic, event));
    }

    /** As the services' publisher: idempotent, acks=all, no linger. */
    private KafkaProducer<String, byte[]> servicesProducer() {
        return new KafkaProducer<>(
                Map.of("bootstrap.servers", bootstrap, "acks", "all", "linger.ms", 0, "enable.idempotence", true),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    /**
     * By default one request in flight without idempotence, as the tests' writer: on a freshly
     * created topic of the embedded broker, an idempotent producer can stall in out-of-order-sequence
     * retries.
     */
    private KafkaProducer<String, byte[]> producer() {
        if (AS_SERVICES) {
            return servicesProducer();
        }
        return new KafkaProducer<>(
                Map.of(
                        "bootstrap.servers",
                        bootstrap,
                        "acks",
                        "all",
                        "linger.ms",
                        1,
                        "enable.idempotence",
                        false,
                        "max.in.flight.requests.per.connection",
                        1),
                new StringSerializer(),
                new ByteArraySerializer());
    }
}
