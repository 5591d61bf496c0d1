package org.aidmatch.testing;

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

    @BeforeEach
    void connect() {
        api = ApiClient.onPort(port);
    }
}
