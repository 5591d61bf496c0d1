package org.aidmatch.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.aidmatch.testing.ApiClient;
import org.aidmatch.testing.ApiClient.Response;
import org.aidmatch.testing.KafkaTestBroker;
import org.aidmatch.testing.TestApiKeys;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** The view lives in Kafka: it survives a restart, and two instances side by side answer alike. */
class RequestServiceInstancesIT {

    @Test
    void two_instances_agree_and_a_restarted_instance_still_knows_every_request() {
        String id;
        try (ConfigurableApplicationContext first = start();
                ConfigurableApplicationContext second = start()) {
            ApiClient a = client(first);
            ApiClient b = client(second);
            Response created = a.post("/api/v1/requests", TestApiKeys.REQUESTER, """
                    {"supplyType":"EQ-PATIENT-MONITOR","quantity":8,"country":"TJ"}""");
            id = created.json().get("id").asString();

            Response seenByB = awaitAnswer(b, "/api/v1/requests/" + id, r -> r.status() == 200);
            assertThat(seenByB.json().get("organization").asString()).isEqualTo(TestApiKeys.REQUESTER_ORG);

            assertThat(b.delete("/api/v1/requests/" + id, TestApiKeys.REQUESTER).status())
                    .isEqualTo(200);
            Response seenByA = awaitAnswer(
                    a,
                    "/api/v1/requests/" + id,
                    r -> "CANCELLED".equals(r.json().get("status").asString()));
            assertThat(seenByA.json().get("quantity").asLong()).isEqualTo(8);
        }

        try (ConfigurableApplicationContext restarted = start()) {
            Response afterRestart = awaitAnswer(client(restarted), "/api/v1/requests/" + id, r -> r.status() == 200);
            assertThat(afterRestart.json().get("status").asString()).isEqualTo("CANCELLED");
        }
    }

    private static ConfigurableApplicationContext start() {
        return RequestServiceApplication.builder()
                .run(
                        "--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--spring.kafka.bootstrap-servers=" + KafkaTestBroker.bootstrapServers(),
                        "--aidmatch.security.api-keys-file=" + TestApiKeys.file());
    }

    private static ApiClient client(ConfigurableApplicationContext context) {
        return ApiClient.onPort(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }

    /** Another instance reads the topic on its own schedule: wait, bounded, for it to catch up. */
    private static Response awaitAnswer(ApiClient client, String path, Predicate<Response> done) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        Response last;
        do {
            last = client.get(path, TestApiKeys.REQUESTER);
            if (done.test(last)) {
                return last;
            }
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("no answer passed the test; last: " + last.status() + " " + last.body());
    }
}
