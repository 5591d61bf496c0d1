package org.aidmatch.local;

import java.util.concurrent.CountDownLatch;

/**
 * Runs AidMatch on one machine with nothing but a JDK: a Kafka broker and the three services.
 *
 * <pre>
 *   java -jar aidmatch-local.jar [all|broker] [options] [--spring.property=value ...]
 * </pre>
 *
 * {@code all} (the default) starts the broker and the services; {@code broker} starts the broker
 * alone, for services run as separate processes. Everything is kept under the data directory
 * ({@code ./data} by default), so a restart loses nothing. Ctrl-C stops it cleanly. The options
 * are in {@link LauncherArguments#USAGE}; any other {@code --name=value} reaches every service.
 */
public final class AidMatchLocal {

    private AidMatchLocal() {}

    public static void main(String[] args) throws InterruptedException {
        LauncherArguments arguments;
        try {
            arguments = LauncherArguments.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println();
            System.err.print(LauncherArguments.USAGE);
            System.exit(2);
            return;
        }
        if (arguments.help()) {
            System.out.print(LauncherArguments.USAGE);
            return;
        }
        LocalSettings settings = arguments.settings();
        LocalStack stack = arguments.brokerOnly()
                ? LocalStack.brokerOnly(settings)
                : LocalStack.start(settings, arguments.serviceProperties());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.out.println("Stopping AidMatch...");
                            stack.close();
                            stopped.countDown();
                        },
                        "aidmatch-local-stop"));
        printUrls(settings, stack, arguments.brokerOnly());
        stopped.await();
    }

    private static void printUrls(LocalSettings settings, LocalStack stack, boolean brokerOnly) {
        System.out.println();
        System.out.println(
                "AidMatch is running. Data is kept in " + settings.dataDir().toAbsolutePath());
        System.out.println("  Kafka broker      " + stack.bootstrapServers());
        if (!brokerOnly) {
            System.out.println("  Request service   http://localhost:" + settings.requestPort() + "/api/v1/requests");
            System.out.println("  Offer service     http://localhost:" + settings.offerPort() + "/api/v1/offers");
            System.out.println("  Matcher           http://localhost:" + settings.matcherPort() + "/api/v1/matches");
            System.out.println("  Portal            http://localhost:" + settings.matcherPort() + "/");
            System.out.println(
                    settings.apiKeysFile().equals(LocalSettings.DEMO_KEYS)
                            ? "  Demo API keys are listed in README.md."
                            : "  API keys from " + settings.apiKeysFile());
        }
        System.out.println("Press Ctrl-C to stop.");
    }
}
