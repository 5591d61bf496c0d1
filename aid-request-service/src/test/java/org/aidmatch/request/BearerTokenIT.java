package org.aidmatch.request;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.aidmatch.contracts.organisations.Organisation;
import org.aidmatch.contracts.organisations.OrganisationStatus;
import org.aidmatch.contracts.organisations.OrganisationType;
import org.aidmatch.contracts.organisations.Role;
import org.aidmatch.contracts.topics.Topics;
import org.aidmatch.testing.ApiClient;
import org.aidmatch.testing.ApiClient.Response;
import org.aidmatch.testing.KafkaTestBroker;
import org.aidmatch.testing.ServiceTestProperties;
import org.aidmatch.testing.TopicWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * OAuth2 bearer tokens from an identity provider, with the organisation and roles in their claims,
 * accepted only when signed by the provider's key, current, from its issuer and for this audience.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BearerTokenIT {

    private static final String ISSUER = "https://id.sironet.example/realms/aid";
    private static final String AUDIENCE = "aidmatch";
    private static final RSAKey SIGNING_KEY = generateKey();
    private static final HttpServer JWKS = serveJwks();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ServiceTestProperties.register(registry);
        registry.add(
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                () -> "http://localhost:" + JWKS.getAddress().getPort() + "/jwks");
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> ISSUER);
        registry.add("aidmatch.security.jwt.audience", () -> AUDIENCE);
        registry.add("aidmatch.security.jwt.organization-claim", () -> "organisation");
        registry.add("aidmatch.security.jwt.roles-claim", () -> "aidmatch_roles");
    }

    @AfterAll
    static void stopJwks() {
        JWKS.stop(0);
    }

    @LocalServerPort
    int port;

    @Test
    void a_token_names_the_organisation_and_its_roles() {
        String token =
                sign(SIGNING_KEY, "Ministry of Health, Kyrgyz Republic", List.of("REQUESTER", "other-system-role"));

        Response created = postWith(token);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("organization").asString()).isEqualTo("Ministry of Health, Kyrgyz Republic");
        assertThat(created.json().get("country").asString()).isEqualTo("KG");
    }

    @Test
    void a_token_without_the_role_is_forbidden_and_a_forged_or_anonymous_one_is_refused() {
        RSAKey stranger = generateKey();

        assertThat(postWith(sign(SIGNING_KEY, "Silk Road Relief Foundation", List.of("DONOR")))
                        .status())
                .isEqualTo(403);
        Response forged = postWith(sign(stranger, "Ministry of Health, Kyrgyz Republic", List.of("REQUESTER")));
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.contentType()).startsWith("application/problem+json");
        assertThat(postWith(sign(SIGNING_KEY, null, List.of("REQUESTER"))).status())
                .isEqualTo(401);
    }

    @Test
    void a_token_from_another_issuer_for_another_audience_expired_unsigned_or_hs256_is_refused() throws Exception {
        String org = "Ministry of Health, Kyrgyz Republic";
        List<String> roles = List.of("REQUESTER");
        long now = System.currentTimeMillis();

        assertThat(postWith(sign(
                                SIGNING_KEY,
                                claims(org, roles)
                                        .issuer("https://evil.example")
                                        .build()))
                        .status())
                .as("wrong issuer")
                .isEqualTo(401);
        assertThat(postWith(sign(
                                SIGNING_KEY,
                                claims(org, roles).audience("another-app").build()))
                        .status())
                .as("wrong audience")
                .isEqualTo(401);
        assertThat(postWith(sign(
                                SIGNING_KEY,
                                claims(org, roles).audience((String) null).build()))
                        .status())
                .as("no audience")
                .isEqualTo(401);
        assertThat(postWith(sign(
                                SIGNING_KEY,
                                claims(org, roles)
                                        .issueTime(new Date(now - 7_200_000))
                                        .expirationTime(new Date(now - 3_600_000))
                                        .build()))
                        .status())
                .as("expired")
                .isEqualTo(401);
        String unsigned = new PlainJWT(claims(org, roles).build()).serialize();
        assertThat(postWith(unsigned).status()).as("unsigned").isEqualTo(401);
        SignedJWT hs256 = new SignedJWT(
                new JWSHeader(JWSAlgorithm.HS256), claims(org, roles).build());
        hs256.sign(new MACSigner(new byte[32]));
        assertThat(postWith(hs256.serialize()).status()).as("HS256").isEqualTo(401);
        // the same claims, properly signed, are accepted: the refusals above are for what was changed
        assertThat(postWith(sign(SIGNING_KEY, claims(org, roles).build())).status())
                .isEqualTo(201);
    }

    @Test
    void a_token_of_an_organisation_the_directory_suspended_is_refused() {
        String org = "Ministry of Health, Republic of Tajikistan";
        assertThat(postWith(sign(SIGNING_KEY, org, List.of("REQUESTER"))).status())
                .isEqualTo(201);
        try (TopicWriter directory = new TopicWriter(KafkaTestBroker.bootstrapServers())) {
            directory.send(
                    Topics.ORGANISATIONS,
                    new Organisation(
                            org,
                            "TJ",
                            OrganisationType.MINISTRY,
                            "aid@moh.example.tj",
                            Set.of(Role.REQUESTER),
                            OrganisationStatus.SUSPENDED,
                            "SIRONET Coordination Desk",
                            Instant.now(),
                            List.of(),
                            1,
                            Instant.now(),
                            Organisation.CURRENT_SCHEMA_VERSION));
        }
        Instant deadline = Instant.now().plusSeconds(10);
        Response refused = postWith(sign(SIGNING_KEY, org, List.of("REQUESTER")));
        while (refused.status() != 401 && Instant.now().isBefore(deadline)) {
            refused = postWith(sign(SIGNING_KEY, org, List.of("REQUESTER")));
        }
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    @Test
    void a_call_with_both_a_token_and_an_api_key_is_a_400() {
        ApiClient api = ApiClient.onPort(port);
        Response both = api.send(api.request("/api/v1/requests", org.aidmatch.testing.TestApiKeys.REQUESTER)
                .header(
                        "Authorization",
                        "Bearer " + sign(SIGNING_KEY, "Ministry of Health, Kyrgyz Republic", List.of("REQUESTER")))
                .GET());
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.contentType()).startsWith("application/problem+json");
        assertThat(both.body()).contains("not both");
    }

    private Response postWith(String token) {
        ApiClient api = ApiClient.onPort(port);
        return api.send(api.request("/api/v1/requests", null)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"supplyType":"SV-TRAINING","quantity":4,"country":"KG"}""")));
    }

    private static String sign(RSAKey key, String organisation, List<String> roles) {
        return sign(key, claims(organisation, roles).build());
    }

    /** Claims as the identity provider issues them for AidMatch: its issuer, this audience, ten minutes. */
    private static JWTClaimsSet.Builder claims(String organisation, List<String> roles) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject("user-1")
                .issueTime(new Date())
                .expirationTime(new Date(System.currentTimeMillis() + 600_000))
                .claim("aidmatch_roles", roles);
        if (organisation != null) {
            claims.claim("organisation", organisation);
        }
        return claims;
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(SIGNING_KEY.getKeyID())
                            .type(JOSEObjectType.JWT)
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generateKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("test-key").generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer serveJwks() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            byte[] body = new JWKSet(SIGNING_KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/jwks", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
