package org.aidmatch.load.rest;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntPredicate;
import org.HdrHistogram.Histogram;
import org.aidmatch.contracts.catalogue.SupplyCatalogue;
import org.aidmatch.contracts.catalogue.SupplyType;
import org.aidmatch.contracts.json.EventJson;
import org.aidmatch.contracts.topics.Topics;
import org.aidmatch.load.CommittedTail;
import org.aidmatch.load.Latencies;
import org.aidmatch.load.LoadLoops;
import org.aidmatch.load.MatchWatch;
import org.aidmatch.matcher.MatcherServiceApplication;
import org.aidmatch.matcher.streams.MatcherStreams;
import org.aidmatch.offer.OfferServiceApplication;
import org.aidmatch.request.RequestServiceApplication;
import org.aidmatch.testing.KafkaTestBroker;
import org.aidmatch.testing.TestApiKeys;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The REST edge under load, in one JVM with an embedded broker: the request and offer services,
 * each with the benchmark's {@link TrivialEndpoint} added, and a load generator on the same cores.
 *
 * <ol>
 *   <li>Post-to-match through REST at 100 posts per second after a warm-up, with the matcher
 *       running: from the offer's POST to its match being readable committed on
 *       {@code aid.matches.v1}. The matcher is then stopped, so that the REST edge has the machine
 *       to itself.</li>
 *   <li>As fast as it goes: {@code clients} threads post back to back (closed loop), first to a
 *       bare Spring MVC endpoint without our filters ({@link BareEndpoint}), then to the trivial
 *       endpoints, then requests and offers for real; throughput and service time.</li>
 *   <li>At a fixed rate of 400 posts per second (open loop): latency is counted from when each
 *       post was due, not from when it went out, so a stall shows in full in the percentiles.</li>
 * </ol>
 *
 * {@code -Dspring.threads.virtual.enabled=true} serves on virtual threads, for comparison.
 * Requests and offers alternate; each offer covers Kenya, where each request is, so they match.
 * Results are printed on standard error.
 */
public final class RestBenchmark {

    private static final int FIXED_RATE = 400;
    /**
     * What the whole stack sustains in one JVM on two cores. The REST edge alone takes more, but at
     * 200 posts/s the services, the broker, this generator and the JIT leave the matcher's stream
     * thread so little CPU that it falls behind for good (see BENCHMARKS.md).
     */
    private static final int POST_TO_MATCH_RATE = Integer.getInteger("aidmatch.bench.post-to-match-rate", 100);
    /** Long enough for the JIT to settle: until it has, the machine is saturated even at 100 posts/s. */
    private static final int POST_TO_MATCH_WARM_UP = Integer.getInteger("aidmatch.bench.post-to-match-warm-up", 60);

    private final PlainHttp http = new PlainHttp();
    private final List<String> supplyTypes =
            SupplyCatalogue.standard().all().stream().map(SupplyType::code).toList();
    private final List<ConfigurableApplicationContext> services = new ArrayList<>();
    private URI requests;
    private URI offers;
    private URI requestsTrivial;
    private URI offersTrivial;
    private URI requestsBare;

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        RestBenchmark benchmark = new RestBenchmark();
        int status = 1;
        try {
            benchmark.measure(seconds, clients);
            status = 0;
        } finally {
            benchmark.stop();
            KafkaTestBroker.stop(); // before exiting, not in a hook that races the deletion of its files
            // the embedded broker's threads would keep the JVM alive
            System.exit(status);
        }
    }

    private void measure(int seconds, int clients) throws Exception {
        int requestPort = start(RequestServiceApplication.builder().sources(TrivialEndpoint.class, BareEndpoint.class));
        int offerPort = start(OfferServiceApplication.builder().sources(TrivialEndpoint.class));
        requests = URI.create("http://localhost:" + requestPort + "/api/v1/requests");
        offers = URI.create("http://localhost:" + offerPort + "/api/v1/offers");
        requestsTrivial = URI.create("http://localhost:" + requestPort + TrivialEndpoint.PATH);
        offersTrivial = URI.create("http://localhost:" + offerPort + TrivialEndpoint.PATH);
        requestsBare = URI.create("http://localhost:" + requestPort + BareEndpoint.PATH);

        // First, while the book is empty and the matcher has no backlog; then without the matcher,
        // which would run on other machines than the REST edge in any deployment that needs the rate.
        List<String> matcherArgs = new ArrayList<>(
                List.of("--spring.kafka.streams.state-dir=" + Files.createTempDirectory("bench-matcher")));
        // matcher properties for an experiment, as "--spring.kafka.streams.properties.X=Y --...", space-separated
        Optional.ofNullable(System.getProperty("aidmatch.bench.matcher-args"))
                .ifPresent(extra -> matcherArgs.addAll(List.of(extra.trim().split("\\s+"))));
        ConfigurableApplicationContext matcher =
                startService(MatcherServiceApplication.builder(), matcherArgs.toArray(String[]::new));
        while (matcher.getBean(MatcherStreams.class).state() != KafkaStreams.State.RUNNING) {
            Thread.sleep(50);
        }
        Histogram postToMatch = postToMatch(POST_TO_MATCH_RATE, POST_TO_MATCH_WARM_UP, 20);
        print("post-to-match through REST at " + POST_TO_MATCH_RATE + " posts/s, 20 s after "
                + POST_TO_MATCH_WARM_UP + " s warm-up: "
                + Latencies.describe(postToMatch));
        // From the event's timestamp (set when its service published it) to the matcher deciding on it.
        Timer decided = matcher.getBean(MeterRegistry.class)
                .get("aidmatch.processing.latency")
                .timer();
        print(String.format(
                "  of which posted-to-decided in the matcher: mean %.1f ms, max %.1f ms over %d events",
                decided.mean(TimeUnit.MILLISECONDS), decided.max(TimeUnit.MILLISECONDS), decided.count()));
        matcher.close();
        services.remove(matcher);
        http.closeAll(); // the post-to-match senders' connections

        IntPredicate bare = i -> send(requestsBare, TestApiKeys.REQUESTER, requestBody(i / 2)) != null;
        IntPredicate trivial = i -> post(Target.TRIVIAL, i);
        IntPredicate real = i -> post(Target.REAL, i);
        print("warming up for 30 s; " + (Boolean.getBoolean("spring.threads.virtual.enabled") ? "virtual" : "platform")
                + " threads serve requests");
        closedLoop(bare, clients, 10);
        closedLoop(trivial, clients, 10);
        closedLoop(real, clients, 10);
        print(String.format(
                "as fast as %d clients go, %d s each (closed loop; latency is service time)", clients, seconds));
        LoadLoops.Result bareMax = closedLoop(bare, clients, seconds);
        print("  bare MVC endpoint:        " + bareMax);
        LoadLoops.Result trivialMax = closedLoop(trivial, clients, seconds);
        print("  trivial endpoint:         " + trivialMax);
        LoadLoops.Result realMax = closedLoop(real, clients, seconds);
        print("  POST requests and offers: " + realMax);
        print(String.format("  ratio real/trivial: %.2f", realMax.perSecond() / trivialMax.perSecond()));
        print(String.format("  ratio trivial/bare: %.2f", trivialMax.perSecond() / bareMax.perSecond()));
        print(String.format(
                "at a fixed %d posts/s, %d s each (open loop; latency from when each post was due)",
                FIXED_RATE, seconds));
        LoadLoops.Result trivialRate = openLoop(trivial, FIXED_RATE, seconds);
        print("  trivial endpoint:         " + trivialRate);
        LoadLoops.Result realRate = openLoop(real, FIXED_RATE, seconds);
        print("  POST requests and offers: " + realRate);
        print(String.format(
                "  p99 ratio real/trivial: %.2f",
                Latencies.millis(realRate.latency(), 99) / Latencies.millis(trivialRate.latency(), 99)));
    }

    /** Each loop's threads open their own connections; they are closed when the loop ends. */
    private LoadLoops.Result closedLoop(IntPredicate post, int clients, int seconds) throws InterruptedException {
        try {
            return LoadLoops.closedLoop(post, clients, seconds);
        } finally {
            http.closeAll();
        }
    }

    private LoadLoops.Result openLoop(IntPredicate post, int perSecond, int seconds) throws InterruptedException {
        try {
            return LoadLoops.openLoop(post, perSecond, seconds);
        } finally {
            http.closeAll();
        }
    }

    /** Results go to standard error, apart from the services' log on standard output. */
    private static void print(String line) {
        System.err.println(line);
    }

    private enum Target {
        TRIVIAL,
        REAL
    }

    /** Request and offer pairs at a fixed rate; latency from each offer's POST to its match. */
    private Histogram postToMatch(int postsPerSecond, int warmUpSeconds, int seconds) throws Exception {
        Map<String, Long> offerSentAt = new ConcurrentHashMap<>();
        int pairsPerSecond = postsPerSecond / 2;
        int warmUpPairs = pairsPerSecond * warmUpSeconds;
        int pairs = warmUpPairs + pairsPerSecond * seconds;
        long interval = 1_000_000_000L / pairsPerSecond;
        int senders = 16;
        long begun = System.nanoTime() + 10_000_000L;
        try (KafkaConsumer<String, byte[]> consumer =
                CommittedTail.open(KafkaTestBroker.bootstrapServers(), Topics.MATCHES.name())) {
            List<Thread> threads = new ArrayList<>();
            for (int s = 0; s < senders; s++) {
                int sender = s;
                threads.add(new Thread(
                        () -> {
                            for (int i = sender; i < pairs; i += senders) {
                                LockSupport.parkNanos(begun + i * interval - System.nanoTime());
                                String requestId = postForId(requests, TestApiKeys.REQUESTER, requestBody(i));
                                long offerSent = System.nanoTime();
                                if (requestId != null && i >= warmUpPairs) {
                                    offerSentAt.put(requestId, offerSent);
                                }
                                postForId(offers, TestApiKeys.DONOR, offerBody(i));
                            }
                        },
                        "pair-" + sender));
            }
            threads.forEach(Thread::start);
            Histogram latency = MatchWatch.await(
                    consumer, offerSentAt, pairs - warmUpPairs, Duration.ofSeconds(warmUpSeconds + seconds + 60));
            for (Thread thread : threads) {
                thread.join();
            }
            return latency;
        }
    }

    /** Even posts are requests, odd ones offers of the same supply type for Eastern Africa. */
    private boolean post(Target target, int i) {
        boolean request = i % 2 == 0;
        URI uri = target == Target.TRIVIAL
                ? (request ? requestsTrivial : offersTrivial)
                // the trivial endpoint takes a request's body on both services
                : (request ? requests : offers);
        String body = target == Target.TRIVIAL || request ? requestBody(i / 2) : offerBody(i / 2);
        return send(uri, request || target == Target.TRIVIAL ? TestApiKeys.REQUESTER : TestApiKeys.DONOR, body) != null;
    }

    private String postForId(URI uri, String apiKey, String body) {
        String answer = send(uri, apiKey, body);
        return answer == null
                ? null
                : EventJson.mapper().readTree(answer).path("id").asString();
    }

    /** The body of a 201, or {@code null} for anything else. */
    private String send(URI uri, String apiKey, String body) {
        PlainHttp.Response response = http.post(uri, apiKey, body);
        return response != null && response.status() == 201 ? response.body() : null;
    }

    private String requestBody(int pair) {
        return "{\"supplyType\":\"" + supplyTypes.get(pair % supplyTypes.size())
                + "\",\"quantity\":10,\"country\":\"KE\",\"urgency\":\"HIGH\"}";
    }

    private String offerBody(int pair) {
        return "{\"supplyType\":\"" + supplyTypes.get(pair % supplyTypes.size())
                + "\",\"quantity\":10,\"serviceArea\":[\"014\"]}";
    }

    private int start(SpringApplicationBuilder service, String... extra) {
        return Integer.parseInt(startService(service, extra).getEnvironment().getProperty("local.server.port"));
    }

    private ConfigurableApplicationContext startService(SpringApplicationBuilder service, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + KafkaTestBroker.bootstrapServers(),
                "--aidmatch.security.api-keys-file=" + TestApiKeys.file(),
                "--spring.main.banner-mode=off",
                "--logging.level.org.apache.kafka=WARN",
                "--logging.level.kafka=ERROR"));
        args.addAll(List.of(extra));
        ConfigurableApplicationContext context = service.run(args.toArray(String[]::new));
        services.add(context);
        return context;
    }

    private void stop() {
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).close();
        }
    }
}
