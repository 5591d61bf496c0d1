package org.aidmatch.service.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.aidmatch.contracts.topics.Topic;
import org.aidmatch.contracts.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;

/**
 * Makes the broker's AidMatch topics what {@link Topics#ALL} declares, before anything is written:
 * creates the missing ones with their configs, and for existing ones compares the configs each
 * {@link Topic} declares (retention above all) with what the broker has.
 *
 * <p>A topic that differs is altered when {@code aidmatch.topics.manage-configs} is true (the
 * default), and otherwise the service refuses to start, naming the topic and the setting: a service
 * never runs on a topic that will delete postings. When the broker cannot be reached at start, the
 * service starts all the same (it must outlive outages), keeps trying in the background, shows
 * health DOWN, and {@link EventPublisher} accepts no write until the topics are checked.
 */
public final class DeclaredTopics implements SmartLifecycle, HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(DeclaredTopics.class);
    private static final Duration ADMIN_CLOSE = Duration.ofSeconds(2);

    private final Map<String, Object> adminConfig;
    private final TopicProperties properties;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile boolean checked;
    private volatile String problem = "the topics have not been checked yet";
    private volatile boolean running;

    /** An existing topic differs from its declaration and may not be altered. */
    public static final class TopicsRefused extends IllegalStateException {
        TopicsRefused(String message) {
            super(message);
        }
    }

    public DeclaredTopics(Map<String, Object> adminConfig, TopicProperties properties) {
        this.adminConfig = new HashMap<>(adminConfig);
        // Bounded, so that a start without a broker goes on within seconds and retries in the background.
        this.adminConfig.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        this.adminConfig.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        this.properties = properties;
    }

    /** First of all lifecycle beans: nothing follows or writes a topic before it was checked. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE;
    }

    @Override
    public void start() {
        running = true;
        // One client for all tries: a new one per try would log its whole configuration each time.
        Admin admin = Admin.create(adminConfig);
        boolean done;
        try {
            done = attempt(admin);
            // A topic another service created a moment ago may not be known to every broker path
            // yet: looking again shortly, before the start goes on, spares the first writes a 503.
            for (int again = 0; !done && again < 10 && problem.contains("UnknownTopicOrPartition"); again++) {
                pauseBriefly();
                done = attempt(admin);
            }
        } catch (TopicsRefused e) {
            admin.close(ADMIN_CLOSE);
            throw e;
        }
        if (done) {
            admin.close(ADMIN_CLOSE);
            return;
        }
        Thread retries = new Thread(() -> retryUntilChecked(admin), "declared-topics");
        retries.setDaemon(true);
        retries.start();
    }

    @Override
    public void stop() {
        running = false;
        stopping.countDown();
    }

    private static void pauseBriefly() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Whether every topic exists with its declared configs; writes wait for this. */
    public boolean isChecked() {
        return checked;
    }

    /** Why the topics are not checked yet, or {@code null} once they are. */
    public String problem() {
        return problem;
    }

    @Override
    public Health health() {
        return checked
                ? Health.up().build()
                : Health.down()
                        .withDetail("reason", "AidMatch topics not checked")
                        .withDetail("error", problem)
                        .build();
    }

    /**
     * One try; true once checked. A topic that may not be altered ends the start with
     * {@link TopicsRefused}; a broker that does not answer leaves it for later.
     */
    private boolean attempt(Admin admin) {
        try {
            ensure(admin);
            checked = true;
            problem = null;
            return true;
        } catch (TopicsRefused e) {
            problem = e.getMessage();
            throw e;
        } catch (ExecutionException | RuntimeException e) {
            problem = "cannot reach Kafka to check the topics: " + (e.getCause() != null ? e.getCause() : e);
            log.warn("Cannot check the AidMatch topics yet, will retry: {}", problem);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void retryUntilChecked(Admin admin) {
        Duration pause = RetryPauses.FIRST;
        try {
            while (running && !stopping.await(pause.toMillis(), TimeUnit.MILLISECONDS)) {
                try {
                    if (attempt(admin)) {
                        log.info("AidMatch topics checked");
                        return;
                    }
                } catch (TopicsRefused e) {
                    log.error("Refusing to write to AidMatch topics: {}", e.getMessage());
                    return;
                }
                pause = RetryPauses.after(pause);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            admin.close(ADMIN_CLOSE);
        }
    }

    private void ensure(Admin admin) throws ExecutionException, InterruptedException {
        Set<String> existing = admin.listTopics().names().get();
        createMissing(admin, existing);
        List<ConfigResource> resources = Topics.ALL.stream()
                .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic.name()))
                .toList();
        Map<ConfigResource, Config> actual =
                admin.describeConfigs(resources).all().get();
        Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
        List<String> differences = new ArrayList<>();
        for (Topic<?> topic : Topics.ALL) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic.name());
            topic.configs(properties.settings()).forEach((name, wanted) -> {
                ConfigEntry entry = actual.get(resource).get(name);
                String has = entry == null ? null : entry.value();
                if (!wanted.equals(has)) {
                    differences.add(topic.name() + " has " + name + "=" + has + ", AidMatch needs " + wanted);
                    changes.computeIfAbsent(resource, r -> new ArrayList<>())
                            .add(new AlterConfigOp(new ConfigEntry(name, wanted), AlterConfigOp.OpType.SET));
                }
            });
        }
        if (differences.isEmpty()) {
            return;
        }
        if (!properties.manageConfigs()) {
            throw new TopicsRefused(
                    "AidMatch topics would lose data: " + String.join("; ", differences)
                            + ". Set these topic configs, or start with aidmatch.topics.manage-configs=true to let AidMatch set them.");
        }
        admin.incrementalAlterConfigs(changes).all().get();
        differences.forEach(difference -> log.warn("Altered topic config: {}", difference));
    }

    private void createMissing(Admin admin, Set<String> existing) throws ExecutionException, InterruptedException {
        List<NewTopic> missing = Topics.ALL.stream()
                .filter(topic -> !existing.contains(topic.name()))
                .map(topic -> new NewTopic(topic.name(), properties.partitions(), properties.replicationFactor())
                        .configs(topic.configs(properties.settings())))
                .toList();
        if (missing.isEmpty()) {
            return;
        }
        try {
            admin.createTopics(missing).all().get();
            log.info("Created topics {}", missing.stream().map(NewTopic::name).toList());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
            // Another instance created it meanwhile; its configs are checked below like any other's.
        }
    }
}
