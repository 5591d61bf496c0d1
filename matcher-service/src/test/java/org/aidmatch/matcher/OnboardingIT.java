package org.aidmatch.matcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.IntPredicate;
import org.aidmatch.testing.ApiClient;
import org.aidmatch.testing.ApiClient.Response;
import org.aidmatch.testing.ServiceTestProperties;
import org.aidmatch.testing.TestApiKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Joining, approval, keys and suspension through the matcher's API on a real broker, with every
 * rule of who may do what tried by someone who may and someone who may not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class OnboardingIT {

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) throws IOException {
        ServiceTestProperties.register(registry);
        registry.add("spring.kafka.streams.state-dir", Files.createTempDirectory("onboarding-it")::toString);
        registry.add("spring.kafka.streams.application-id", () -> "onboarding-it-" + UUID.randomUUID());
        registry.add("aidmatch.security.applications.per-address", () -> "100");
    }

    @LocalServerPort
    int port;

    private ApiClient api;
    private final String name =
            "Garissa Community Clinic " + UUID.randomUUID().toString().substring(0, 6);

    @BeforeEach
    void connect() {
        api = ApiClient.onPort(port);
        await(() -> api.get("/actuator/health", null).status(), status -> status == 200);
    }

    @Test
    void anyone_may_ask_to_join_and_only_a_coordinator_decides() {
        Response applied = apply(name, "[\"REQUESTER\",\"DONOR\"]");
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        assertThat(applied.json().get("status").asString()).isEqualTo("PENDING");
        assertThat(applied.json().get("decisions").get(0).get("step").asString())
                .isEqualTo("APPLIED");
        assertThat(applied.header("Location")).isEqualTo("/api/v1/organisations/" + ApiClient.segment(name));

        assertThat(apply(name.toUpperCase().replace(" ", "  "), "[\"DONOR\"]").status())
                .as("the same name but for case and spacing")
                .isEqualTo(409);
        assertThat(apply(TestApiKeys.DONOR_ORG, "[\"DONOR\"]").status())
                .as("a name of the keys file")
                .isEqualTo(409);
        Response asCoordinator = apply("Self Appointed " + name, "[\"COORDINATOR\"]");
        assertThat(asCoordinator.status()).isEqualTo(400);
        assertThat(asCoordinator.contentType()).startsWith("application/problem+json");
        Response badEmail = api.post("/api/v1/organisations/applications", null, """
                {"name":"Bad Email Org","country":"KE","type":"NGO","contactEmail":"not-an-address","roles":["DONOR"]}""");
        assertThat(badEmail.status()).isEqualTo(400);
        assertThat(badEmail.body()).contains("contactEmail");

        String org = "/api/v1/organisations/" + ApiClient.segment(name);
        assertThat(api.get("/api/v1/organisations", TestApiKeys.REQUESTER).status())
                .isEqualTo(403);
        assertThat(api.get(org, TestApiKeys.REQUESTER).status()).isEqualTo(404);
        assertThat(api.post(org + "/approval", TestApiKeys.REQUESTER, "{}").status())
                .isEqualTo(403);
        assertThat(api.post(org + "/keys", TestApiKeys.COORDINATOR, "{}").status())
                .as("no key for an organisation still PENDING")
                .isEqualTo(409);
        JsonNode pending = api.get("/api/v1/organisations?status=PENDING", TestApiKeys.COORDINATOR)
                .json();
        assertThat(pending.findValuesAsString("name")).contains(name);

        Response approved = api.post(org + "/approval", TestApiKeys.COORDINATOR, """
                {"note":"Checked with the Kenya NGO Coordination Board","roles":["REQUESTER"]}""");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(approved.json().get("approvedBy").asString()).isEqualTo(TestApiKeys.COORDINATOR_ORG);
        assertThat(approved.json().get("roles").get(0).asString()).isEqualTo("REQUESTER");
        JsonNode step = approved.json().get("decisions").get(1);
        assertThat(step.get("step").asString()).isEqualTo("APPROVED");
        assertThat(step.get("by").asString()).isEqualTo(TestApiKeys.COORDINATOR_ORG);
        assertThat(step.get("note").asString()).contains("Coordination Board");
        assertThat(api.post(org + "/approval", TestApiKeys.COORDINATOR, "{}").status())
                .isEqualTo(409);
    }

    @Test
    void keys_are_shown_once_managed_by_coordinators_and_own_admins_and_stop_when_revoked_or_suspended() {
        String org = registered(name);
        assertThat(api.post(org + "/keys", TestApiKeys.DONOR, "{}").status())
                .as("another organisation gives no keys")
                .isEqualTo(403);
        Response issued = api.post(org + "/keys", TestApiKeys.COORDINATOR, """
                {"label":"admin laptop","admin":true}""");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String adminKey = issued.json().get("key").asString();
        assertThat(adminKey)
                .startsWith(issued.json().get("details").get("prefix").asString());

        JsonNode me = api.get("/api/v1/me", adminKey).json();
        assertThat(me.get("organization").asString()).isEqualTo(name);
        assertThat(me.get("keyAdmin").asBoolean()).isTrue();
        assertThat(me.get("status").asString()).isEqualTo("ACTIVE");

        Response second = api.post(org + "/keys", adminKey, """
                {"label":"warehouse tablet"}""");
        assertThat(second.status())
                .as("an admin key issues its own organisation's keys")
                .isEqualTo(201);
        String plainKey = second.json().get("key").asString();
        String plainKeyId = second.json().get("details").get("keyId").asString();
        assertThat(api.get("/api/v1/me", plainKey).status()).isEqualTo(200);
        assertThat(api.post(org + "/keys", plainKey, "{}").status())
                .as("a key that is not an admin key issues none")
                .isEqualTo(403);
        assertThat(api.get(org + "/keys", plainKey).status()).isEqualTo(403);
        assertThat(api.post(
                                "/api/v1/organisations/" + ApiClient.segment(TestApiKeys.COORDINATOR_ORG) + "/keys",
                                adminKey,
                                "{}")
                        .status())
                .as("an admin key manages only its own organisation's keys")
                .isEqualTo(403);

        Response listed = api.get(org + "/keys", adminKey);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().findValuesAsString("label")).containsExactly("warehouse tablet", "admin laptop");
        assertThat(listed.body()).doesNotContain(adminKey).doesNotContain(plainKey);
        assertThat(listed.json().get(1).get("lastUsedAt").isNull())
                .as("the admin key was used")
                .isFalse();

        assertThat(api.delete(org + "/keys/" + plainKeyId, TestApiKeys.DONOR).status())
                .isEqualTo(403);
        Response revoked = api.delete(org + "/keys/" + plainKeyId, adminKey);
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.json().get("revokedBy").asString()).isEqualTo(name);
        Response refused = api.get("/api/v1/me", plainKey);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("detail").asString()).contains("revoked");
        assertThat(api.get("/api/v1/me", adminKey).status())
                .as("the other key still works")
                .isEqualTo(200);

        assertThat(api.post(
                                "/api/v1/organisations/" + ApiClient.segment(TestApiKeys.COORDINATOR_ORG)
                                        + "/suspension",
                                TestApiKeys.COORDINATOR,
                                "{}")
                        .status())
                .as("a coordinator does not lock itself out")
                .isEqualTo(409);
        assertThat(api.post(org + "/suspension", adminKey, "{}").status()).isEqualTo(403);
        Response suspended = api.post(org + "/suspension", TestApiKeys.COORDINATOR, """
                {"note":"reported for diverting supplies"}""");
        assertThat(suspended.status()).as(suspended.body()).isEqualTo(200);
        assertThat(suspended.json().get("organisation").get("status").asString())
                .isEqualTo("SUSPENDED");
        Response locked = api.get("/api/v1/me", adminKey);
        assertThat(locked.status()).isEqualTo(401);
        assertThat(locked.json().get("detail").asString()).contains("SUSPENDED");
        assertThat(api.post(org + "/keys", TestApiKeys.COORDINATOR, "{}").status())
                .isEqualTo(409);

        assertThat(api.post(org + "/reinstatement", TestApiKeys.COORDINATOR, "{}")
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/me", adminKey).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/me", plainKey).status())
                .as("reinstatement does not bring back a revoked key")
                .isEqualTo(401);
    }

    private String registered(String organisation) {
        Response registered = api.post("/api/v1/organisations", TestApiKeys.COORDINATOR, """
                {"name":"%s","country":"KE","type":"HOSPITAL","contactEmail":"desk@garissa.example","roles":["REQUESTER"]}""".formatted(organisation));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.json().get("status").asString()).isEqualTo("ACTIVE");
        return "/api/v1/organisations/" + ApiClient.segment(organisation);
    }

    private Response apply(String organisation, String roles) {
        return api.post("/api/v1/organisations/applications", null, """
                {"name":"%s","country":"ke","type":"NGO","contactEmail":"intake@example.org","roles":%s,
                 "note":"We run three clinics in Garissa County"}""".formatted(organisation, roles));
    }

    private static void await(java.util.function.IntSupplier status, IntPredicate done) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!done.test(status.getAsInt())) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not ready in 30 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
