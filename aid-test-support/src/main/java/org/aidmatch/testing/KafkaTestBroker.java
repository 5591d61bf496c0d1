package org.aidmatch.testing;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.aidmatch.contracts.topics.TopicSettings;
import org.aidmatch.contracts.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * One real Kafka broker per test JVM: Testcontainers' {@code apache/kafka} where Docker runs, an
 * embedded KRaft broker everywhere else. Started on first use and stopped when the JVM exits.
 *
 * <p>Tests share it, so each test works with its own ids and consumer groups and looks only at its
 * own records. Automatic topic creation is off, so tests also prove the services create their topics.
 */
public final class KafkaTestBroker {

    /** Settings a single broker needs for transactions (and so exactly-once) not to hang. */
    static final Map<String, String> SINGLE_NODE_SETTINGS = Map.of(
            "transaction.state.log.replication.factor", "1",
            "transaction.state.log.min.isr", "1",
            "offsets.topic.replication.factor", "1",
            "group.initial.rebalance.delay.ms", "0",
            "auto.create.topics.enable", "false");

    private static String bootstrapServers;
    private static Runnable stopShared;

    /** A broker of a test's own, with settings of its own, stopped when the test is done with it. */
    public record OwnBroker(String bootstrapServers, EmbeddedKafkaKraftBroker broker) implements AutoCloseable {
        @Override
        public void close() {
            broker.destroy();
        }
    }

    private KafkaTestBroker() {}

    /**
     * Starts an embedded broker apart from the shared one, for tests that need broker settings of
     * their own (a retention of a second, say); the single-node settings come first and may be
     * overridden.
     */
    public static OwnBroker startOwn(Map<String, String> settings) {
        Map<String, String> all = new java.util.HashMap<>(SINGLE_NODE_SETTINGS);
        all.putAll(settings);
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperties(all);
        broker.afterPropertiesSet();
        return new OwnBroker(broker.getBrokersAsString(), broker);
    }

    /**
     * Stops the shared broker now, for a program that is about to exit: left to the shutdown hook,
     * it would race the hook that deletes its log directory and end in {@code KafkaStorageException}s.
     */
    public static synchronized void stop() {
        if (stopShared != null) {
            stopShared.run();
            stopShared = null;
            bootstrapServers = null;
        }
    }

    /** The broker's bootstrap servers, starting it if this is the first call in the JVM. */
    public static synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            bootstrapServers = dockerAvailable() ? startContainer() : startEmbedded();
        }
        return bootstrapServers;
    }

    /** Creates the AidMatch topics, as the services do at start-up, for tests that run without them. */
    public static void createTopics() {
        createTopics(bootstrapServers());
    }

    /** The same on another broker, such as one a test starts and stops itself. */
    public static void createTopics(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = Topics.ALL.stream()
                    .filter(topic -> !existing.contains(topic.name()))
                    .map(topic -> new NewTopic(
                                    topic.name(),
                                    TopicSettings.DEFAULTS.partitions(),
                                    TopicSettings.DEFAULTS.replicationFactor())
                            .configs(topic.configs(TopicSettings.DEFAULTS)))
                    .toList();
            admin.createTopics(missing).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topics", e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean dockerAvailable() {
        boolean dockerConfigured = System.getenv("DOCKER_HOST") != null
                || java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"));
        if (!dockerConfigured) {
            return false; // spares every test run the probe's long error report
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static String startContainer() {
        KafkaContainer container = new KafkaContainer("apache/kafka:4.1.2");
        SINGLE_NODE_SETTINGS.forEach(
                (key, value) -> container.withEnv("KAFKA_" + key.toUpperCase().replace('.', '_'), value));
        container.start();
        stopShared = container::stop;
        Runtime.getRuntime().addShutdownHook(new Thread(KafkaTestBroker::stop, "kafka-test-container-stop"));
        return container.getBootstrapServers();
    }

    private static String startEmbedded() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperties(SINGLE_NODE_SETTINGS);
        broker.afterPropertiesSet();
        stopShared = broker::destroy;
        Runtime.getRuntime().addShutdownHook(new Thread(KafkaTestBroker::stop, "kafka-test-broker-stop"));
        return broker.getBrokersAsString();
    }
}
