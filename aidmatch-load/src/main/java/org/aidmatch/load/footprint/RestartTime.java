package org.aidmatch.load.footprint;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
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
 * on an embedded broker. Each count adds to the history already written.
 */
public final class RestartTime {

    private RestartTime() {}

    public static void main(String[] args) throws Exception {
        List<Integer> counts = args.length > 0
                ? java.util.Arrays.stream(args).map(Integer::parseInt).toList()
                : List.of(100_000, 1_000_000);
        int status = 1;
        try {
            KafkaTestBroker.createTopics();
            int written = 0;
            for (int count : counts) {
                write(written, count - written);
                written = count;
                System.out.printf(
                        "%,d events of history: request service healthy in %.1f s, matcher in %.1f s%n",
                        count,
                        timeToHealthy(RequestServiceApplication.builder()),
                        timeToHealthy(
                                MatcherServiceApplication.builder(),
                                "--spring.kafka.streams.state-dir=" + Files.createTempDirectory("restart-time"),
                                "--spring.kafka.streams.application-id=restart-time-" + count));
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

    /** Seconds from the start of the application to its first healthy answer. */
    private static double timeToHealthy(SpringApplicationBuilder service, String... extra) throws Exception {
        long started = System.nanoTime();
        List<String> args = new java.util.ArrayList<>(List.of(
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
            return (System.nanoTime() - started) / 1e9;
        }
    }
}
