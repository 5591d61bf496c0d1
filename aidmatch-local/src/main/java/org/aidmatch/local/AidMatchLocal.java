package org.aidmatch.local;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs AidMatch on one machine with nothing but a JDK: a Kafka broker and the three services.
 *
 * <pre>
 *   java -jar aidmatch-local.jar [all|broker] [--data-dir=DIR] [--kafka-port=9092]
 * </pre>
 *
 * {@code all} (the default) starts the broker and the services; {@code broker} starts the broker
 * alone, for services run as separate processes. Everything is kept under the data directory
 * ({@code ./data} by default), so a restart loses nothing. Ctrl-C stops it cleanly.
 */
public final class AidMatchLocal {

    private AidMatchLocal() {}

    public static void main(String[] args) throws InterruptedException {
        LocalSettings settings = LocalSettings.defaults();
        boolean brokerOnly = false;
        for (String arg : args) {
            if (arg.equals("broker")) {
                brokerOnly = true;
            } else if (arg.equals("all")) {
                brokerOnly = false;
            } else if (arg.startsWith("--data-dir=")) {
                settings = with(settings, Path.of(arg.substring("--data-dir=".length())), settings.kafkaPort());
            } else if (arg.startsWith("--kafka-port=")) {
                settings = with(settings, settings.dataDir(), Integer.parseInt(arg.substring("--kafka-port=".length())));
            } else {
                System.err.println("Usage: aidmatch-local [all|broker] [--data-dir=DIR] [--kafka-port=PORT]");
                System.exit(2);
            }
        }
        LocalStack stack = brokerOnly ? LocalStack.brokerOnly(settings) : LocalStack.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping AidMatch...");
            stack.close();
            stopped.countDown();
        }, "aidmatch-local-stop"));
        printUrls(settings, stack, brokerOnly);
        stopped.await();
    }

    private static LocalSettings with(LocalSettings s, Path dataDir, int kafkaPort) {
        return new LocalSettings(dataDir, kafkaPort, kafkaPort + 1, s.requestPort(), s.offerPort(), s.matcherPort(),
                s.apiKeysFile());
    }

    private static void printUrls(LocalSettings settings, LocalStack stack, boolean brokerOnly) {
        System.out.println();
        System.out.println("AidMatch is running. Data is kept in " + settings.dataDir().toAbsolutePath());
        System.out.println("  Kafka broker      " + stack.bootstrapServers());
        if (!brokerOnly) {
            System.out.println("  Request service   http://localhost:" + settings.requestPort() + "/api/v1/requests");
            System.out.println("  Offer service     http://localhost:" + settings.offerPort() + "/api/v1/offers");
            System.out.println("  Matcher           http://localhost:" + settings.matcherPort() + "/api/v1/matches");
            System.out.println("  Dashboard         http://localhost:" + settings.matcherPort() + "/");
            System.out.println("  Demo API keys are listed in README.md.");
        }
        System.out.println("Press Ctrl-C to stop.");
    }
}
