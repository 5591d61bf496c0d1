package org.aidmatch.testing;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A service of the test's package, started whole on a random port against the real test broker
 * with the test API keys, and an HTTP client for it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ServiceOverHttpTest {

    @DynamicPropertySource
    static void realBrokerAndTestKeys(DynamicPropertyRegistry registry) {
        ServiceTestProperties.register(registry);
    }

    @LocalServerPort
    protected int port;

    protected ApiClient api;

    /** Connects once the service is ready: its views loaded, so that its answers are not stale. */
    @BeforeEach
    void connect() throws InterruptedException {
        api = ApiClient.onPort(port);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (api.get("/actuator/health", null).status() != 200) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the service did not report healthy within 30 s");
            }
            Thread.sleep(50);
        }
    }
}
