package org.aidmatch.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.aidmatch.contracts.topics.Topic;
import org.aidmatch.contracts.topics.Topics;
import org.aidmatch.testing.ApiClient;
import org.aidmatch.testing.KafkaTestBroker;
import org.aidmatch.testing.KafkaTestBroker.OwnBroker;
import org.aidmatch.testing.TestApiKeys;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Kafka is the only store, so the topics must keep every posting: a service repairs topics that an
 * older version created with the broker's default retention, refuses to run on them when it may
 * not, and on a broker that deletes everything after a second, postings still outlive a restart.
 */
class TopicRetentionIT {

    private static final long THIRTY_DAYS_MS = Duration.ofDays(30).toMillis();

    @Test
    void topics_created_with_the_brokers_default_retention_are_repaired_at_start_or_refused() throws Exception {
        try (OwnBroker broker = KafkaTestBroker.startOwn(Map.of());
                Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            // as an older AidMatch created them: partitions and replicas only
            admin.createTopics(Topics.ALL.stream()
                            .map(topic -> new NewTopic(topic.name(), 6, (short) 1))
                            .toList())
                    .all()
                    .get();
            assertThat(config(admin, Topics.REQUESTS.name(), "retention.ms")).isEqualTo("604800000");

            assertThatThrownBy(() -> start(broker, "--aidmatch.topics.manage-configs=false")
                            .close())
                    .hasStackTraceContaining("aid.requests.v1 has retention.ms=604800000, AidMatch needs -1")
                    .hasStackTraceContaining(
                            "aid.offers.v1.dlt has retention.ms=604800000, AidMatch needs " + THIRTY_DAYS_MS);
            assertThat(config(admin, Topics.REQUESTS.name(), "retention.ms")).isEqualTo("604800000");

            start(broker).close();

            for (Topic<?> topic : List.of(Topics.REQUESTS, Topics.OFFERS, Topics.MATCHES)) {
                assertThat(config(admin, topic.name(), "retention.ms"))
                        .as(topic.name())
                        .isEqualTo("-1");
                assertThat(config(admin, topic.name(), "retention.bytes"))
                        .as(topic.name())
                        .isEqualTo("-1");
                assertThat(config(admin, topic.name(), "cleanup.policy"))
                        .as(topic.name())
                        .isEqualTo("delete");
            }
            for (Topic<?> topic : List.of(Topics.REQUESTS_DEAD_LETTER, Topics.OFFERS_DEAD_LETTER)) {
                assertThat(config(admin, topic.name(), "retention.ms"))
                        .as(topic.name())
                        .isEqualTo(Long.toString(THIRTY_DAYS_MS));
            }

            // someone compacts the requests topic by hand: that would keep one posting per supply type
            admin.incrementalAlterConfigs(Map.of(
                            new ConfigResource(ConfigResource.Type.TOPIC, Topics.REQUESTS.name()),
                            List.of(new AlterConfigOp(
                                    new ConfigEntry("cleanup.policy", "compact"), AlterConfigOp.OpType.SET))))
                    .all()
                    .get();
            assertThatThrownBy(() -> start(broker, "--aidmatch.topics.manage-configs=false")
                            .close())
                    .hasStackTraceContaining("aid.requests.v1 has cleanup.policy=compact, AidMatch needs delete");
        }
    }

    @Test
    void on_a_broker_that_deletes_after_a_second_postings_outlive_it_and_a_restart() throws Exception {
        Map<String, String> forgetful = Map.of(
                "log.retention.ms", "1000",
                "log.roll.ms", "300",
                "log.retention.check.interval.ms", "200",
                // the retention task otherwise first runs 30 s after the broker starts
                "log.initial.task.delay.ms", "0");
        try (OwnBroker broker = KafkaTestBroker.startOwn(forgetful);
                Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            List<String> ids = new ArrayList<>();
            try (ConfigurableApplicationContext service = start(broker)) {
                ApiClient api = client(service);
                for (String country : List.of("KE", "UZ", "PK")) {
                    ids.add(post(api, country));
                }
                // A control topic with the broker's defaults shows that this broker really deletes.
                String control = "control-" + System.nanoTime();
                admin.createTopics(List.of(new NewTopic(control, 1, (short) 1)))
                        .all()
                        .get();
                awaitDeletionOn(admin, broker, control);
                // Segments of the requests topic rolled meanwhile: post again, long after the first ones.
                ids.add(post(api, "TJ"));
                assertThat(earliestOffsets(admin, Topics.REQUESTS.name())).containsOnly(0L);
            }

            try (ConfigurableApplicationContext restarted = start(broker)) {
                ApiClient api = client(restarted);
                for (String id : ids) {
                    ApiClient.Response read = api.get("/api/v1/requests/" + id, TestApiKeys.REQUESTER);
                    assertThat(read.status())
                            .as("request %s after the restart", id)
                            .isEqualTo(200);
                    assertThat(read.json().get("status").asString()).isEqualTo("OPEN");
                }
            }
        }
    }

    private static String post(ApiClient api, String country) {
        ApiClient.Response created = api.post(
                "/api/v1/requests",
                TestApiKeys.REQUESTER,
                "{\"supplyType\":\"PPE-GLOVES-EXAM\",\"quantity\":100,\"country\":\"" + country + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    /** Writes to the control topic until the broker has deleted its first records, at most 30 s. */
    private static void awaitDeletionOn(Admin admin, OwnBroker broker, String topic) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", broker.bootstrapServers()),
                new StringSerializer(),
                new StringSerializer())) {
            while (earliestOffsets(admin, topic).contains(0L)) {
                assertThat(Instant.now())
                        .as("the broker never deleted the control topic's records")
                        .isBefore(deadline);
                producer.send(new ProducerRecord<>(topic, "k", "v")).get();
                Thread.sleep(300);
            }
        }
    }

    private static Set<Long> earliestOffsets(Admin admin, String topic) throws Exception {
        Collection<TopicPartition> partitions =
                admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                        .map(info -> new TopicPartition(topic, info.partition()))
                        .toList();
        return admin
                .listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.earliest())))
                .all()
                .get()
                .values()
                .stream()
                .map(info -> info.offset())
                .collect(Collectors.toSet());
    }

    private static String config(Admin admin, String topic, String name) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource))
                .all()
                .get()
                .get(resource)
                .get(name)
                .value();
    }

    private static ConfigurableApplicationContext start(OwnBroker broker, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                "--aidmatch.security.api-keys-file=" + TestApiKeys.file()));
        args.addAll(List.of(extra));
        return RequestServiceApplication.builder().run(args.toArray(String[]::new));
    }

    private static ApiClient client(ConfigurableApplicationContext context) {
        ApiClient api =
                ApiClient.onPort(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
        Instant deadline = Instant.now().plusSeconds(30);
        while (api.get("/actuator/health", null).status() != 200) {
            assertThat(Instant.now()).as("the service did not become healthy").isBefore(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return api;
    }
}
