package org.aidmatch.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.aidmatch.testing.ApiClient;
import org.aidmatch.testing.TestApiKeys;
import org.junit.jupiter.api.Test;

/**
 * Orchestrators kill a process that has not stopped some seconds after SIGTERM ({@code docker
 * compose stop} after 10 s). Each service, started in a JVM of its own while its broker is gone
 * and left trying to reach it, stops within 10 s of SIGTERM.
 */
class StopWithoutBrokerIT {

    private static final Duration GRACE = Duration.ofSeconds(10);

    @Test
    void every_service_stops_within_ten_seconds_of_sigterm_with_its_broker_gone() throws Exception {
        int goneBroker = FreePorts.next();
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("org.aidmatch.request.RequestServiceApplication", FreePorts.next());
        ports.put("org.aidmatch.offer.OfferServiceApplication", FreePorts.next());
        ports.put("org.aidmatch.matcher.MatcherServiceApplication", FreePorts.next());
        Map<String, Process> services = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, Integer> service : ports.entrySet()) {
                services.put(service.getKey(), start(service.getKey(), service.getValue(), goneBroker));
            }
            for (int port : ports.values()) {
                awaitAnswering(port);
            }
            Thread.sleep(5_000); // long enough for every Kafka client to be retrying its connections

            for (Map.Entry<String, Process> service : services.entrySet()) {
                Instant sigterm = Instant.now();
                service.getValue().destroy(); // SIGTERM
                boolean stopped = service.getValue().waitFor(GRACE.toMillis() + 5_000, TimeUnit.MILLISECONDS);
                Duration took = Duration.between(sigterm, Instant.now());
                assertThat(stopped && took.compareTo(GRACE) < 0)
                        .as("%s stopped in %d ms", service.getKey(), took.toMillis())
                        .isTrue();
            }
        } finally {
            services.values().forEach(Process::destroyForcibly);
        }
    }

    private static Process start(String mainClass, int port, int brokerPort) throws IOException {
        Path log = Files.createDirectories(Path.of("target", "stop-logs"))
                .resolve(mainClass.substring(mainClass.lastIndexOf('.') + 1) + ".log");
        return new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx384m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        mainClass,
                        "--server.port=" + port,
                        "--spring.main.banner-mode=off",
                        "--spring.kafka.bootstrap-servers=localhost:" + brokerPort,
                        "--spring.kafka.streams.state-dir=" + Files.createTempDirectory("stop-without-broker"),
                        "--aidmatch.security.api-keys-file=" + TestApiKeys.file())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    /** Health answers (DOWN, since there is no broker) once the service has started. */
    private static void awaitAnswering(int port) throws InterruptedException {
        ApiClient api = ApiClient.onPort(port);
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            try {
                api.get("/actuator/health", null);
                return;
            } catch (RuntimeException notYet) {
                Thread.sleep(250);
            }
        }
        throw new AssertionError("the service on port " + port + " never answered");
    }
}
