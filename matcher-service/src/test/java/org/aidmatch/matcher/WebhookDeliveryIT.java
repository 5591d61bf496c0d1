package org.aidmatch.matcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.aidmatch.contracts.events.AidEvent;
import org.aidmatch.contracts.events.OfferPosted;
import org.aidmatch.contracts.events.RequestPosted;
import org.aidmatch.contracts.events.Urgency;
import org.aidmatch.contracts.json.EventJson;
import org.aidmatch.contracts.notifications.WebhookSubscription;
import org.aidmatch.contracts.topics.Topics;
import org.aidmatch.matcher.notifications.WebhookSignature;
import org.aidmatch.testing.ApiClient;
import org.aidmatch.testing.ApiClient.Response;
import org.aidmatch.testing.KafkaTestBroker;
import org.aidmatch.testing.ServiceTestProperties;
import org.aidmatch.testing.TestApiKeys;
import org.aidmatch.testing.TopicReader;
import org.aidmatch.testing.TopicWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Webhooks against a real HTTP receiver on loopback, with the matcher on a real broker: the
 * signature verifies, deliveries are retried across the receiver's downtime and across a restart
 * of the notifier, in order, and under one event id the receiver processes each event once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class WebhookDeliveryIT {

    private static final String SECRET = "a-secret-the-donor-chose-2026";

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) throws IOException {
        ServiceTestProperties.register(registry);
        registry.add("spring.kafka.streams.state-dir", Files.createTempDirectory("webhook-it")::toString);
        registry.add("spring.kafka.streams.application-id", () -> "webhook-it-" + UUID.randomUUID());
        registry.add("aidmatch.notifications.allowed-hosts", () -> "127.0.0.1");
        registry.add("aidmatch.notifications.first-pause", () -> "200ms");
        registry.add("aidmatch.notifications.longest-pause", () -> "1s");
        registry.add("aidmatch.notifications.secret-key", () -> "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    private final String supplyType = "SV-TECHNICAL-EXPERTISE";
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Set<String> processed = java.util.Collections.synchronizedSet(new LinkedHashSet<>());
    private final List<String> processedOrder = new CopyOnWriteArrayList<>();
    private volatile boolean down;
    private HttpServer receiver;

    private record Received(String id, String type, int attempt, boolean signatureValid, int answered) {}

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/aidmatch", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String id = exchange.getRequestHeaders().getFirst("AidMatch-Event-Id");
            String signature = exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER);
            long timestamp = Long.parseLong(signature.replaceAll("^t=(\\d+),.*$", "$1"));
            boolean valid = signature.equals(WebhookSignature.header(SECRET, timestamp, body))
                    && Math.abs(Instant.now().getEpochSecond() - timestamp) < 300;
            int status = down ? 503 : 204;
            received.add(new Received(
                    id,
                    exchange.getRequestHeaders().getFirst("AidMatch-Event-Type"),
                    Integer.parseInt(exchange.getRequestHeaders().getFirst("AidMatch-Delivery-Attempt")),
                    valid,
                    status));
            if (status == 204 && processed.add(id)) {
                // what a receiver does with an event id: process it once, however often it comes
                processedOrder.add(EventJson.mapper().readTree(body).get("type").asString());
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void deliveries_are_signed_retried_across_downtime_and_a_restart_and_processed_once() throws Exception {
        ApiClient api = ApiClient.onPort(port);
        String hook = "/api/v1/organisations/" + ApiClient.segment(TestApiKeys.DONOR_ORG) + "/webhook";
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/aidmatch";
        assertThat(register(api, hook, TestApiKeys.OTHER_DONOR, url).status()).isEqualTo(403);
        assertThat(register(api, hook, TestApiKeys.DONOR, "http://example.org/hook")
                        .status())
                .as("plain http to a host not on the allow-list")
                .isEqualTo(400);
        assertThat(register(api, hook, TestApiKeys.DONOR, "https://10.1.2.3/hook")
                        .body())
                .as("a private address")
                .contains("not on the public internet");
        assertThat(register(api, hook, TestApiKeys.DONOR, "https://localhost:8443/hook")
                        .status())
                .as("loopback by name")
                .isEqualTo(400);
        Response registered = register(api, hook, TestApiKeys.DONOR, url);
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);
        assertThat(registered.body()).doesNotContain(SECRET);
        try (TopicReader<WebhookSubscription> topic =
                TopicReader.of(KafkaTestBroker.bootstrapServers(), Topics.WEBHOOKS)) {
            WebhookSubscription kept = topic.await(
                    WebhookSubscription.class,
                    subscription -> subscription.organisation().equals(TestApiKeys.DONOR_ORG),
                    Duration.ofSeconds(10));
            assertThat(kept.secret())
                    .as("sealed on the topic")
                    .startsWith("v1:")
                    .doesNotContain(SECRET);
        }

        String run = UUID.randomUUID().toString().substring(0, 8);
        try (TopicWriter writer = new TopicWriter(KafkaTestBroker.bootstrapServers())) {
            writer.send(
                    Topics.REQUESTS,
                    new RequestPosted(
                            UUID.randomUUID().toString(),
                            "req-" + run,
                            TestApiKeys.REQUESTER_ORG,
                            supplyType,
                            3,
                            "TJ",
                            Urgency.HIGH,
                            null,
                            null,
                            Instant.now(),
                            AidEvent.CURRENT_SCHEMA_VERSION));
            writer.send(
                    Topics.OFFERS,
                    new OfferPosted(
                            UUID.randomUUID().toString(),
                            "off-" + run,
                            TestApiKeys.DONOR_ORG,
                            supplyType,
                            3,
                            List.of("143"),
                            null,
                            null,
                            false,
                            Instant.now(),
                            AidEvent.CURRENT_SCHEMA_VERSION));
        }
        await(() -> processedOrder.contains("match.proposed"));
        Received proposal = received.stream()
                .filter(r -> r.type().equals("match.proposed"))
                .findFirst()
                .orElseThrow();
        assertThat(proposal.signatureValid()).as("the signature verifies").isTrue();
        String matchId = api.get("/api/v1/matches?supplyType=" + supplyType + "&size=100", TestApiKeys.DONOR)
                .json()
                .get("items")
                .get(0)
                .get("matchId")
                .asString();

        down = true;
        assertThat(api.post("/api/v1/matches/" + matchId + "/accept", TestApiKeys.DONOR, "")
                        .status())
                .isEqualTo(200);
        await(() ->
                received.stream().filter(r -> r.type().equals("match.accepted")).count() >= 2);
        JsonNode retrying = api.get(hook + "/deliveries", TestApiKeys.DONOR).json();
        assertThat(retrying.findValuesAsString("outcome")).contains("RETRYING", "DELIVERED");

        SmartLifecycle notifier = (SmartLifecycle) context.getBean("webhookDeliverer");
        notifier.stop();
        notifier.start();
        down = false;
        await(() -> processedOrder.contains("match.accepted"));

        assertThat(processedOrder).as("in order, each once").containsExactly("match.proposed", "match.accepted");
        List<Received> accepted = new ArrayList<>(
                received.stream().filter(r -> r.type().equals("match.accepted")).toList());
        assertThat(accepted).hasSizeGreaterThanOrEqualTo(3).allMatch(Received::signatureValid);
        assertThat(accepted.stream().map(Received::id).distinct())
                .as("one event id across every attempt")
                .hasSize(1);
        assertThat(received).noneMatch(r -> r.type().equals("match.proposed") && r.answered() != 204);
        await(() -> api.get(hook + "/deliveries", TestApiKeys.DONOR)
                .json()
                .get(0)
                .get("outcome")
                .asString()
                .equals("DELIVERED"));
        assertThat(api.send(api.request("/actuator/prometheus", TestApiKeys.COORDINATOR)
                                .setHeader("Accept", "text/plain")
                                .GET())
                        .body())
                .containsPattern("aidmatch_notifications_sent_total\\{channel=\"webhook\"\\} [1-9]")
                .contains("aidmatch_notifications_pending{channel=\"webhook\"}");
    }

    private static Response register(ApiClient api, String hook, String key, String url) {
        return api.send(api.request(hook, key)
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"url\":\"" + url + "\",\"secret\":\"" + SECRET + "\"}")));
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(45));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not so within 45 s");
            }
            Thread.sleep(100);
        }
    }
}
