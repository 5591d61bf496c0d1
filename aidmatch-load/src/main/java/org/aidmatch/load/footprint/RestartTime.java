package org.aidmatch.load.footprint;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.aidmatch.contracts.TopicValue;
import org.aidmatch.contracts.catalogue.SupplyCatalogue;
import org.aidmatch.contracts.catalogue.SupplyType;
import org.aidmatch.contracts.events.AidEvent;
import org.aidmatch.contracts.events.RequestPosted;
import org.aidmatch.contracts.events.Urgency;
import org.aidmatch.contracts.json.AidEventSerializer;
import org.aidmatch.contracts.topics.Topics;
import org.aidmatch.matcher.MatcherServiceApplication;
import org.aidmatch.request.RequestServiceApplication;
import org.aidmatch.testing.ApiClient;
import org.aidmatch.testing.KafkaTestBroker;
import org.aidmatch.testing.TestApiKeys;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar aidmatch-load.jar restart [events...]}: how long a service takes from start to
 * healthy (its views read to the end of what the topics held) with that many requests of history
 * on an embedded broker, and the live heap it then holds. Each count adds to the history already
 * written. The matcher starts twice: first with an empty state directory, so it builds its book
 * from the whole history, then again on the same directory and application id, as a restarted
 * instance does, restoring its stores from their local checkpoint.
 */
public final class RestartTime {

    private RestartTime() {}

    public static void main(String[] args) throws Exception {
        List<Integer> counts =
                args.length > 0 ? Arrays.stream(args).map(Integer::parseInt).toList() : List.of(100_000, 1_000_000);
        int status = 1;
        try {
            KafkaTestBroker.createTopics();
            int written = 0;
            for (int count : counts) {
                write(written, count - written);
                written = count;
                System.out.printf(
                        "%,d events of history: request service %s%n",
                        count, timeToHealthy(RequestServiceApplication.builder()));
                String[] matcher = {
                    "--spring.kafka.streams.state-dir=" + Files.createTempDirectory("restart-time"),
                    "--spring.kafka.streams.application-id=restart-time-" + count
                };
                System.out.printf(
                        "%,d events of history: matcher, first start %s%n",
                        count, timeToHealthy(MatcherServiceApplication.builder(), matcher));
                System.out.printf(
                        "%,d events of history: matcher, restarted on its state %s%n",
                        count, timeToHealthy(MatcherServiceApplication.builder(), matcher));
            }
            status = 0;
        } finally {
            KafkaTestBroker.stop();
            System.exit(status);
        }
    }

    private static void write(int from, int count) throws Exception {
        List<String> supplyTypes =
                SupplyCatalogue.standard().all().stream().map(SupplyType::code).toList();
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaTestBroker.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG,
                20,
                ProducerConfig.BATCH_SIZE_CONFIG,
                256 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG,
                "lz4");
        try (KafkaProducer<String, TopicValue> producer =
                new KafkaProducer<>(config, new StringSerializer(), new AidEventSerializer())) {
            for (int i = from; i < from + count; i++) {
                String supply = supplyTypes.get(i % supplyTypes.size());
                RequestPosted posted = new RequestPosted(
                        "e" + i,
                        "history-" + i,
                        TestApiKeys.REQUESTER_ORG,
                        supply,
                        10,
                        "KE",
                        Urgency.NORMAL,
                        null,
                        null,
                        Instant.now(),
                        AidEvent.CURRENT_SCHEMA_VERSION);
                producer.send(new ProducerRecord<>(Topics.REQUESTS.name(), supply, posted));
            }
            producer.flush();
        }
    }

    /**
     * Seconds from the start of the application to its first healthy answer, and the live heap it
     * added (after full collections), which includes the broker's growth meanwhile.
     */
    private static String timeToHealthy(SpringApplicationBuilder service, String... extra) throws Exception {
        long heapBefore = liveHeap();
        long started = System.nanoTime();
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--spring.kafka.bootstrap-servers=" + KafkaTestBroker.bootstrapServers(),
                "--aidmatch.security.api-keys-file=" + TestApiKeys.file(),
                "--logging.level.root=WARN"));
        args.addAll(List.of(extra));
        try (ConfigurableApplicationContext context = service.run(args.toArray(String[]::new))) {
            ApiClient api =
                    ApiClient.onPort(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
            Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
            while (api.get("/actuator/health", null).status() != 200) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("not healthy within 10 minutes");
                }
                Thread.sleep(100);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            return String.format("healthy in %.1f s, live heap +%,d MiB", seconds, (liveHeap() - heapBefore) >> 20);
        }
    }

    private static long liveHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
