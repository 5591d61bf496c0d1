package org.aidmatch.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.aidmatch.contracts.events.RequestEvent;
import org.aidmatch.contracts.events.RequestPosted;
import org.aidmatch.contracts.topics.Topics;
import org.aidmatch.testing.ApiClient;
import org.aidmatch.testing.ApiClient.Response;
import org.aidmatch.testing.KafkaTestBroker;
import org.aidmatch.testing.RawHttp;
import org.aidmatch.testing.ServiceTestProperties;
import org.aidmatch.testing.TestApiKeys;
import org.aidmatch.testing.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Hundreds of generated bad bodies: wrong types, huge numbers, unicode, deep nesting, missing
 * fields, oversized bodies, enums as numbers and bad codes. None may cause a 5xx, every refusal is
 * problem+json, and nothing reaches the topic. Malformed URLs, which Tomcat and the firewall refuse
 * before any controller, are problem+json too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HostileInputIT {

    private static final int CASES = 600;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        ServiceTestProperties.register(registry);
    }

    @LocalServerPort
    int port;

    private final String marker = "hostile-" + UUID.randomUUID();
    private final Random random = new Random(2020_03_18);

    @Test
    void no_bad_body_gets_a_5xx_every_refusal_is_a_problem_and_nothing_is_published() {
        ApiClient api = ApiClient.onPort(port);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            String body = badBody(i);
            Response response = api.send(api.request("/api/v1/requests", TestApiKeys.REQUESTER)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
            boolean refusedProperly = response.status() >= 400
                    && response.status() < 500
                    && response.contentType().startsWith("application/problem+json");
            if (!refusedProperly) {
                failures.add(response.status() + " " + response.contentType() + " for "
                        + body.substring(0, Math.min(body.length(), 160)));
            }
        }

        assertThat(failures).as("answers that were not a 4xx problem").isEmpty();
        try (TopicReader<RequestEvent> requests = TopicReader.of(KafkaTestBroker.bootstrapServers(), Topics.REQUESTS)) {
            assertThat(requests.readFor(Duration.ofSeconds(1)))
                    .noneMatch(event -> event instanceof RequestPosted posted
                            && posted.note() != null
                            && posted.note().contains(marker));
        }
    }

    @Test
    void malformed_urls_unknown_paths_and_wrong_methods_are_answered_with_problems_too() {
        List<String> failures = new ArrayList<>();
        String[][] cases = {
            {"GET", "/api/v1/requests/%00", "400"},
            {"GET", "/api/v1/requests/%zz", "400"},
            {"GET", "/api/v1/requests/%2F", "400"},
            {"GET", "/api/v1/requests/../../actuator/env", "400"},
            {"GET", "/api/v1/requests/%2e%2e/%2e%2e/actuator/env", "400"},
            {"GET", "/api/v1//requests", "400"},
            {"GET", "/api/v1/requests;jsessionid=1", "400"},
            {"GET", "/api/v1/nothing-here", "404"},
            {"PUT", "/api/v1/requests", "405"},
            {"PATCH", "/api/v1/requests/abc", "405"},
        };
        for (String[] hostile : cases) {
            RawHttp.Answer answer = RawHttp.send(port, hostile[0], hostile[1], TestApiKeys.REQUESTER);
            if (answer.status() != Integer.parseInt(hostile[2])
                    || !answer.contentType().startsWith("application/problem+json")
                    || !answer.body().contains("\"status\":" + hostile[2])) {
                failures.add(hostile[0] + " " + hostile[1] + " -> " + answer.status() + " " + answer.contentType());
            }
        }
        assertThat(failures).as("answers that were not the expected problem").isEmpty();
    }

    /** A request body that is wrong in one of many ways; the marker travels in the note where it can. */
    private String badBody(int i) {
        String note = "\"note\":\"" + marker + "\"";
        String valid = "\"supplyType\":\"PPE-GOWN\",\"quantity\":10,\"country\":\"KE\"";
        return switch (i % 23) {
            case 0 -> "{\"supplyType\":\"PPE-GOWN\",\"quantity\":" + hugeNumber() + ",\"country\":\"KE\"," + note + "}";
            case 1 ->
                "{\"supplyType\":\"PPE-GOWN\",\"quantity\":" + (-random.nextInt(1000)) + ",\"country\":\"KE\"," + note
                        + "}";
            case 2 ->
                "{\"supplyType\":\"PPE-GOWN\",\"quantity\":\"" + random.nextInt(100) + "\",\"country\":\"KE\"," + note
                        + "}";
            case 3 ->
                "{\"supplyType\":\"PPE-GOWN\",\"quantity\":" + random.nextInt(100) + ".5,\"country\":\"KE\"," + note
                        + "}";
            case 4 -> "{\"supplyType\":" + random.nextInt() + ",\"quantity\":10,\"country\":\"KE\"," + note + "}";
            case 5 -> "{\"supplyType\":\"" + unicode(12) + "\",\"quantity\":10,\"country\":\"KE\"," + note + "}";
            case 6 -> "{\"supplyType\":\"PPE-GOWN\",\"quantity\":10,\"country\":\"" + unicode(2) + "\"," + note + "}";
            case 7 -> "{" + valid + ",\"urgency\":\"" + unicode(6) + "\"," + note + "}";
            case 8 -> "{" + valid + ",\"neededBy\":\"" + (1900 + random.nextInt(100)) + "-01-01\"," + note + "}";
            case 9 -> "{" + valid + ",\"neededBy\":\"31/12/2030\"," + note + "}";
            case 10 -> nested(50 + random.nextInt(2000));
            case 11 -> "{\"quantity\":10,\"country\":\"KE\"," + note + "}";
            case 12 -> "{\"supplyType\":\"PPE-GOWN\",\"country\":\"KE\"," + note + "}";
            case 13 -> "{" + valid + ",\"note\":\"" + "é€𝄞".repeat(1 + random.nextInt(30_000)) + marker + "\"}";
            case 14 -> "{" + valid + ",\"organization\":\"Someone Else\"," + note + "}";
            case 15 -> "{" + valid + ",\"id\":\"" + UUID.randomUUID() + "\",\"status\":\"MATCHED\"," + note + "}";
            case 16 -> "[" + "{" + valid + "," + note + "}" + "]";
            case 17 -> "{" + valid + "," + note + ",\"quantity\":" + random.nextInt(100);
            case 18 -> "{\"supplyType\":\"PPE-GOWN\",\"quantity\":10,\"country\":\"" + country() + "\"," + note + "}";
            // Jackson would read an enum's ordinal: 0 and "0" were CRITICAL, "1" HIGH
            case 19 -> "{" + valid + ",\"urgency\":" + random.nextInt(3) + "," + note + "}";
            case 20 -> "{" + valid + ",\"urgency\":\"" + random.nextInt(3) + "\"," + note + "}";
            case 21 -> "{" + valid + ",\"urgency\":" + (random.nextBoolean() ? "true" : "1.0") + "," + note + "}";
            default -> "{\"supplyType\":null,\"quantity\":null,\"country\":null,\"urgency\":null," + note + "}";
        };
    }

    private String hugeNumber() {
        return random.nextBoolean() ? "1000000001" : "9".repeat(20 + random.nextInt(400));
    }

    private String unicode(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(0x00A1 + random.nextInt(0x2FFF));
        }
        return text.toString().replace("\"", "").replace("\\", "");
    }

    private String country() {
        String[] bad = {"XX", "UK", "K", "KEN", "00", "ZZ", "", " KE", "EU", "014"};
        return bad[random.nextInt(bad.length)];
    }

    private static String nested(int depth) {
        return "{\"supplyType\":" + "[".repeat(depth) + "]".repeat(depth) + ",\"quantity\":10,\"country\":\"KE\"}";
    }
}
