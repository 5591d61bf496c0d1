package org.aidmatch.matcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.aidmatch.contracts.events.AidEvent;
import org.aidmatch.contracts.events.OfferPosted;
import org.aidmatch.contracts.events.RequestPosted;
import org.aidmatch.contracts.events.Urgency;
import org.aidmatch.contracts.topics.Topics;
import org.aidmatch.testing.ApiClient;
import org.aidmatch.testing.ApiClient.Response;
import org.aidmatch.testing.KafkaTestBroker;
import org.aidmatch.testing.ServiceTestProperties;
import org.aidmatch.testing.TestApiKeys;
import org.aidmatch.testing.TopicWriter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** What coordinators read from the matcher: matches, the live stream, gaps and HXL exports. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class CoordinatorApiIT {

    private static final String APPLICATION_ID = "coordinator-it-" + UUID.randomUUID();

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) throws IOException {
        ServiceTestProperties.register(registry);
        registry.add("spring.kafka.streams.state-dir", Files.createTempDirectory("coordinator-it")::toString);
        registry.add("spring.kafka.streams.application-id", () -> APPLICATION_ID);
        // a closed stream is noticed at the next heartbeat, and frees its place
        registry.add("aidmatch.matches.stream.heartbeat", () -> "200ms");
        registry.add(
                "spring.web.resources.static-locations",
                () -> MatcherServiceApplication.DEFAULTS.get("spring.web.resources.static-locations"));
    }

    @LocalServerPort
    int port;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String supplyType = "DX-ANTIGEN-RDT";

    @Test
    void matches_gaps_and_exports_show_what_was_matched_and_what_is_missing() {
        String requestId = post(request("req-" + run, 1_000, "ET"), offer("off-" + run, 300, "014"));
        ApiClient api = ApiClient.onPort(port);

        JsonNode match = awaitMatch(api, TestApiKeys.COORDINATOR, requestId);
        assertThat(match.get("quantity").asLong()).isEqualTo(300);
        assertThat(match.get("reason").get("explanation").asString()).contains("Ethiopia");
        assertThat(awaitMatch(api, TestApiKeys.REQUESTER, requestId)).isNotNull();
        assertThat(api.get("/api/v1/matches?supplyType=" + supplyType + "&size=100", TestApiKeys.OTHER_REQUESTER)
                        .json()
                        .get("items")
                        .findValuesAsString("requestId"))
                .doesNotContain(requestId);

        JsonNode gap = api.get("/api/v1/gaps?supplyType=" + supplyType + "&country=et", TestApiKeys.COORDINATOR)
                .json()
                .get(0);
        assertThat(gap.get("requested").asLong()).isGreaterThanOrEqualTo(1_000);
        assertThat(gap.get("unmet").asLong()).isGreaterThanOrEqualTo(700);

        Response matchesCsv =
                api.send(api.request("/api/v1/matches/export.csv?supplyType=" + supplyType, TestApiKeys.COORDINATOR)
                        .setHeader("Accept", "text/csv"));
        Response gapsCsv = api.send(
                api.request("/api/v1/gaps/export.csv", TestApiKeys.COORDINATOR).setHeader("Accept", "text/csv"));
        assertThat(matchesCsv.contentType()).startsWith("text/csv");
        List<String> matchLines =
                matchesCsv.body().replace("\uFEFF", "").lines().toList();
        assertThat(matchLines.get(1)).startsWith("#meta+id,#date+matched,#item+code");
        assertThat(matchLines)
                // whichever of the two the matcher read first, the explanation names the area that matched
                .anySatisfy(line -> assertThat(line).contains(requestId, "Eastern Africa (014, 22 countries)"));
        List<String> gapLines = gapsCsv.body().replace("\uFEFF", "").lines().toList();
        Response metrics = api.send(
                api.request("/actuator/prometheus", TestApiKeys.COORDINATOR).setHeader("Accept", "text/plain"));
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body())
                .contains(
                        "aidmatch_matches_total",
                        "aidmatch_processing_latency_seconds",
                        "aidmatch_open_quantity{side=\"requested\",supply_type=\"" + supplyType + "\"}",
                        "aidmatch_delivered_quantity_total{supply_type=\"" + supplyType + "\"}",
                        "aidmatch_matches_ended_total{status=\"LAPSED\",supply_type=\"" + supplyType + "\"}");
        assertThat(api.get("/actuator/prometheus", TestApiKeys.REQUESTER).status())
                .isEqualTo(403);
        assertThat(gapLines.get(0))
                .isEqualTo("supply_type,supply_name,country,country_name,requested,matched,proposed,committed,"
                        + "dispatched,delivered,unmet,open_offered");
        assertThat(gapLines.get(1)).contains("#quantity+unmet", "#item+num+delivered");
    }

    @Test
    void the_live_stream_resumes_after_the_last_event_id_without_losing_or_repeating() throws Exception {
        String first = post(request("first-" + run, 50, "KE"), offer("first-offer-" + run, 50, "KE"));
        ServerSentEvent seen = readUntil(null, event -> event.data().contains(first));

        String second = post(request("second-" + run, 60, "KE"), offer("second-offer-" + run, 60, "KE"));
        ServerSentEvent next = readUntil(seen.id(), event -> event.name().equals("match"));

        assertThat(next.data()).contains(second).doesNotContain(first);
    }

    @Test
    void a_second_matcher_instance_shows_the_same_matches() {
        String requestId = post(request("two-" + run, 20, "UG"), offer("two-offer-" + run, 20, "UG"));
        try (ConfigurableApplicationContext second = MatcherServiceApplication.builder()
                .run(
                        "--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--spring.kafka.bootstrap-servers=" + KafkaTestBroker.bootstrapServers(),
                        "--aidmatch.security.api-keys-file=" + TestApiKeys.file(),
                        "--spring.kafka.streams.application-id=" + APPLICATION_ID,
                        "--spring.kafka.streams.state-dir=" + tempDir())) {
            ApiClient other =
                    ApiClient.onPort(Integer.parseInt(second.getEnvironment().getProperty("local.server.port")));

            JsonNode fromOther = awaitMatch(other, TestApiKeys.COORDINATOR, requestId);
            JsonNode fromThis = awaitMatch(ApiClient.onPort(port), TestApiKeys.COORDINATOR, requestId);
            assertThat(fromOther).isEqualTo(fromThis);
        }
    }

    @Test
    void an_organisation_named_like_a_formula_is_text_in_the_csv_export() {
        String requester = "=HYPERLINK(\"http://evil.example\",\"open\")";
        String donor = "@SUM(1+1)";
        RequestPosted request = new RequestPosted(
                UUID.randomUUID().toString(),
                "formula-" + run,
                requester,
                supplyType,
                5,
                "SO",
                Urgency.HIGH,
                null,
                "-2+3",
                Instant.now(),
                AidEvent.CURRENT_SCHEMA_VERSION);
        OfferPosted offer = new OfferPosted(
                UUID.randomUUID().toString(),
                "formula-offer-" + run,
                donor,
                supplyType,
                5,
                List.of("SO"),
                null,
                null,
                Instant.now(),
                AidEvent.CURRENT_SCHEMA_VERSION);
        String requestId = post(request, offer);
        ApiClient api = ApiClient.onPort(port);
        awaitMatch(api, TestApiKeys.COORDINATOR, requestId);

        String csv = api.send(
                        api.request("/api/v1/matches/export.csv?supplyType=" + supplyType, TestApiKeys.COORDINATOR)
                                .setHeader("Accept", "text/csv"))
                .body();

        String line =
                csv.lines().filter(row -> row.contains(requestId)).findFirst().orElseThrow();
        assertThat(line).contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"open\"\")\",", ",'@SUM(1+1),");
        assertThat(line.split(","))
                .noneMatch(cell -> cell.startsWith("=")
                        || cell.startsWith("@")
                        || cell.startsWith("\"=")
                        || cell.startsWith("\"@"));
    }

    @Test
    void live_streams_are_capped_per_organisation_and_refuse_an_id_never_issued() throws Exception {
        ApiClient api = ApiClient.onPort(port);
        Instant loaded = Instant.now().plusSeconds(30);
        while (api.get("/actuator/health", null).status() != 200
                && Instant.now().isBefore(loaded)) {
            Thread.sleep(50); // streams open once the view is loaded
        }
        // its own client, so that its connection is not the next call's
        ApiClient once = ApiClient.onPort(port);
        Response made = once.send(once.request("/api/v1/matches/stream", TestApiKeys.OTHER_DONOR)
                .setHeader("Accept", "text/event-stream")
                .header("Last-Event-ID", "everything please"));
        assertThat(made.status()).isEqualTo(400);
        assertThat(made.contentType()).startsWith("application/problem+json");

        List<HttpResponse<Stream<String>>> held = new ArrayList<>();
        HttpClient http = HttpClient.newHttpClient();
        try {
            for (int i = 0; i < 5; i++) {
                HttpResponse<Stream<String>> stream =
                        http.send(streamRequest(TestApiKeys.OTHER_DONOR), HttpResponse.BodyHandlers.ofLines());
                assertThat(stream.statusCode()).isEqualTo(200);
                held.add(stream);
            }
            Response sixth = api.send(api.request("/api/v1/matches/stream", TestApiKeys.OTHER_DONOR)
                    .setHeader("Accept", "text/event-stream"));
            assertThat(sixth.status()).isEqualTo(429);
            assertThat(sixth.contentType()).startsWith("application/problem+json");
            assertThat(sixth.header("Retry-After")).isNotBlank();
            HttpResponse<Stream<String>> otherOrganisation =
                    http.send(streamRequest(TestApiKeys.OTHER_REQUESTER), HttpResponse.BodyHandlers.ofLines());
            assertThat(otherOrganisation.statusCode())
                    .as("the cap is per organisation")
                    .isEqualTo(200);
            held.add(otherOrganisation);
        } finally {
            held.forEach(stream -> stream.body().close());
        }
        Instant deadline = Instant.now().plusSeconds(10);
        HttpResponse<Stream<String>> again;
        do {
            again = http.send(streamRequest(TestApiKeys.OTHER_DONOR), HttpResponse.BodyHandlers.ofLines());
            again.body().close();
        } while (again.statusCode() == 429 && Instant.now().isBefore(deadline));
        assertThat(again.statusCode()).as("closed streams free their places").isEqualTo(200);
    }

    @Test
    void the_portal_forbids_inline_script_framing_and_referrers_and_serves_its_icon_and_languages() {
        ApiClient api = ApiClient.onPort(port);
        Response page = api.send(api.request("/", null).setHeader("Accept", "text/html"));

        assertThat(page.status()).isEqualTo(200);
        String policy = page.header("Content-Security-Policy");
        assertThat(policy)
                .contains("script-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.body())
                .doesNotContain("<script>")
                .doesNotContain(" onclick=")
                .doesNotContain("style=\"");

        Response icon = api.get("/favicon.ico", null);
        assertThat(icon.status()).isEqualTo(200);
        assertThat(icon.contentType()).startsWith("image/");
        Response settings = api.get("/portal/settings", null);
        assertThat(settings.json().path("languages").findValuesAsString("code")).contains("en", "ar");
        assertThat(settings.json().path("languages").findValuesAsString("direction"))
                .contains("ltr", "rtl");
        assertThat(api.get(settings.json().path("libraries").path("worldMap").asString(), null)
                        .status())
                .as("the world map's TopoJSON is served from its WebJar")
                .isEqualTo(200);
    }

    private HttpRequest streamRequest(String key) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/matches/stream"))
                .header("X-Api-Key", key)
                .header("Accept", "text/event-stream")
                .build();
    }

    private RequestPosted request(String id, long quantity, String country) {
        return new RequestPosted(
                UUID.randomUUID().toString(),
                id,
                TestApiKeys.REQUESTER_ORG,
                supplyType,
                quantity,
                country,
                Urgency.HIGH,
                null,
                null,
                Instant.now(),
                AidEvent.CURRENT_SCHEMA_VERSION);
    }

    private OfferPosted offer(String id, long quantity, String... area) {
        return new OfferPosted(
                UUID.randomUUID().toString(),
                id,
                TestApiKeys.DONOR_ORG,
                supplyType,
                quantity,
                List.of(area),
                null,
                null,
                Instant.now(),
                AidEvent.CURRENT_SCHEMA_VERSION);
    }

    private static String post(RequestPosted request, OfferPosted offer) {
        try (TopicWriter writer = new TopicWriter(KafkaTestBroker.bootstrapServers())) {
            writer.send(Topics.REQUESTS, request);
            writer.send(Topics.OFFERS, offer);
        }
        return request.requestId();
    }

    private static JsonNode awaitMatch(ApiClient api, String key, String requestId) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            Response page = api.get("/api/v1/matches?size=100", key);
            if (page.status() != 200) {
                continue; // a starting instance answers 503 until its view is loaded
            }
            for (JsonNode item : page.json().get("items")) {
                if (item.get("requestId").asString().equals(requestId)) {
                    return item;
                }
            }
        }
        throw new AssertionError("no match for " + requestId);
    }

    record ServerSentEvent(String id, String name, String data) {}

    /** Opens the stream (resuming after {@code lastEventId}) and reads until an event passes the test. */
    private ServerSentEvent readUntil(String lastEventId, java.util.function.Predicate<ServerSentEvent> test)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/matches/stream"))
                .header("X-Api-Key", TestApiKeys.COORDINATOR)
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<Stream<String>> response =
                HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofLines());
        CompletableFuture<ServerSentEvent> found = CompletableFuture.supplyAsync(() -> {
            Iterator<String> lines = response.body().iterator();
            List<String> fields = new ArrayList<>();
            while (lines.hasNext()) {
                String line = lines.next();
                if (!line.isEmpty()) {
                    fields.add(line);
                    continue;
                }
                ServerSentEvent event =
                        new ServerSentEvent(field(fields, "id:"), field(fields, "event:"), field(fields, "data:"));
                fields.clear();
                if (event.data() != null && test.test(event)) {
                    return event;
                }
            }
            throw new AssertionError("stream ended");
        });
        try {
            return found.get(60, TimeUnit.SECONDS);
        } finally {
            response.body().close();
        }
    }

    private static String field(List<String> lines, String prefix) {
        return lines.stream()
                .filter(line -> line.startsWith(prefix))
                .map(line -> line.substring(prefix.length()).strip())
                .findFirst()
                .orElse(null);
    }

    private static String tempDir() {
        try {
            return Files.createTempDirectory("coordinator-it-second").toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
