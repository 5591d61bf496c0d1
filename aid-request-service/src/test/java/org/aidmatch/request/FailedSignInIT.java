package org.aidmatch.request;

import static org.assertj.core.api.Assertions.assertThat;

import org.aidmatch.testing.ApiClient.Response;
import org.aidmatch.testing.ServiceOverHttpTest;
import org.aidmatch.testing.TestApiKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Guessing keys: each failure is logged without the key, and an address past its limit must wait. */
@ExtendWith(OutputCaptureExtension.class)
class FailedSignInIT extends ServiceOverHttpTest {

    @DynamicPropertySource
    static void limits(DynamicPropertyRegistry registry) {
        registry.add("aidmatch.security.failed-sign-ins.limit", () -> "3");
        registry.add("aidmatch.security.failed-sign-ins.per", () -> "10m");
    }

    @Test
    void after_three_wrong_keys_an_address_is_refused_with_429_even_with_a_good_key(CapturedOutput output) {
        assertThat(api.get("/api/v1/requests", null).status())
                .as("no credentials is no failed sign-in")
                .isEqualTo(401);
        for (int guess = 1; guess <= 3; guess++) {
            Response refused = api.get("/api/v1/requests", "guessed-key-" + guess);
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }

        Response limited = api.get("/api/v1/requests", TestApiKeys.REQUESTER);

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 600L);
        assertThat(output.getOut())
                .contains("Failed sign-in from 127.0.0.1 on GET /api/v1/requests: Unknown API key.")
                .doesNotContain("guessed-key-");
        assertThat(api.get("/actuator/health", null).status())
                .as("calls without credentials go on")
                .isEqualTo(200);
    }
}
