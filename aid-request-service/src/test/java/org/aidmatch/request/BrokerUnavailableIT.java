package org.aidmatch.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import org.aidmatch.testing.ApiClient;
import org.aidmatch.testing.ApiClient.Response;
import org.aidmatch.testing.TestApiKeys;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With no Kafka to acknowledge the write, a POST is refused quickly with 503, never answered 2xx. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrokerUnavailableIT {

    @DynamicPropertySource
    static void noKafka(DynamicPropertyRegistry registry) throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        registry.add("spring.kafka.bootstrap-servers", () -> "localhost:" + closedPort);
        registry.add("spring.kafka.admin.operation-timeout", () -> "2s");
        registry.add("aidmatch.security.api-keys-file", () -> TestApiKeys.file().toString());
    }

    @LocalServerPort
    int port;

    @Test
    void a_post_without_a_broker_is_a_503_with_retry_after_within_seconds() {
        Instant start = Instant.now();

        Response response = ApiClient.onPort(port).post("/api/v1/requests", TestApiKeys.REQUESTER, """
                {"supplyType":"PPE-GOWN","quantity":10,"country":"KE"}""");

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.header("Retry-After")).isEqualTo("5");
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(15));
    }
}
