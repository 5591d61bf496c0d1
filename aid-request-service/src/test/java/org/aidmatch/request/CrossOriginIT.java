package org.aidmatch.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import org.aidmatch.testing.ApiClient.Response;
import org.aidmatch.testing.ServiceOverHttpTest;
import org.aidmatch.testing.TestApiKeys;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The portal's page, served by the matcher on another origin, calls this service from the browser:
 * only the origins in {@code aidmatch.security.cors.allowed-origins} may.
 */
@TestPropertySource(properties = "aidmatch.security.cors.allowed-origins=http://portal.example:8080")
class CrossOriginIT extends ServiceOverHttpTest {

    private static final String PORTAL = "http://portal.example:8080";

    @Test
    void the_portals_origin_may_post_with_its_key_after_a_preflight_that_carries_none() {
        Response preflight = preflight(PORTAL, "POST", "x-api-key,content-type,idempotency-key");
        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(PORTAL);
        assertThat(preflight.header("Access-Control-Allow-Headers").toLowerCase())
                .contains("x-api-key", "content-type", "idempotency-key");
        assertThat(preflight.header("Access-Control-Allow-Credentials")).isNull();

        Response posted = api.send(api.request("/api/v1/requests", TestApiKeys.REQUESTER)
                .header("Origin", PORTAL)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"supplyType":"PPE-GOWN","quantity":5,"country":"KE"}""")));
        assertThat(posted.status()).isEqualTo(201);
        assertThat(posted.header("Access-Control-Allow-Origin")).isEqualTo(PORTAL);
        assertThat(posted.header("Access-Control-Expose-Headers")).contains("Location");

        Response wrongKey = api.send(api.request("/api/v1/requests", "not-a-key")
                .header("Origin", PORTAL)
                .GET());
        assertThat(wrongKey.status()).isEqualTo(401);
        assertThat(wrongKey.header("Access-Control-Allow-Origin"))
                .as("the page can read why it was refused")
                .isEqualTo(PORTAL);
    }

    @Test
    void another_origin_is_refused_with_a_problem_and_gets_no_allow_header() {
        Response preflight = preflight("https://evil.example", "POST", "x-api-key");
        assertThat(preflight.status()).isEqualTo(403);
        assertThat(preflight.contentType()).startsWith("application/problem+json");
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();

        Response read = api.send(api.request("/api/v1/requests", TestApiKeys.REQUESTER)
                .header("Origin", "https://evil.example")
                .GET());
        assertThat(read.status()).isEqualTo(403);
        assertThat(read.header("Access-Control-Allow-Origin")).isNull();
        assertThat(read.body()).doesNotContain("\"items\"");
    }

    private Response preflight(String origin, String method, String headers) {
        return api.send(api.request("/api/v1/requests", null)
                .header("Origin", origin)
                .header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", headers)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    }
}
