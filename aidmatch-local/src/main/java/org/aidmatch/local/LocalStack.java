package org.aidmatch.local;

import java.util.ArrayList;
import java.util.List;
import org.aidmatch.matcher.MatcherServiceApplication;
import org.aidmatch.offer.OfferServiceApplication;
import org.aidmatch.request.RequestServiceApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The broker and the three services, in this JVM, started in order and stopped in reverse. */
final class LocalStack implements AutoCloseable {

    private final LocalKafkaBroker broker;
    private final List<ConfigurableApplicationContext> services = new ArrayList<>();

    private LocalStack(LocalKafkaBroker broker) {
        this.broker = broker;
    }

    static LocalStack brokerOnly(LocalSettings settings) {
        return new LocalStack(
                LocalKafkaBroker.start(settings.kafkaDir(), settings.kafkaPort(), settings.controllerPort()));
    }

    static LocalStack start(LocalSettings settings) {
        return start(settings, List.of());
    }

    /** @param properties {@code --name=value} Spring properties every service gets */
    static LocalStack start(LocalSettings settings, List<String> properties) {
        LocalStack stack = brokerOnly(settings);
        try {
            // The portal is the matcher's page; it calls the other two from the browser, which they
            // admit by their CORS allow-list. Given first, so that the caller's properties win.
            String portal = "http://localhost:" + settings.matcherPort();
            List<String> edge = new ArrayList<>(List.of("--aidmatch.security.cors.allowed-origins=" + portal
                    + ",http://127.0.0.1:" + settings.matcherPort()));
            edge.addAll(properties);
            stack.run(RequestServiceApplication.builder(), settings, settings.requestPort(), edge);
            stack.run(OfferServiceApplication.builder(), settings, settings.offerPort(), edge);
            List<String> matcher = new ArrayList<>(List.of(
                    "--aidmatch.portal.request-service-url=http://localhost:" + settings.requestPort(),
                    "--aidmatch.portal.offer-service-url=http://localhost:" + settings.offerPort()));
            matcher.addAll(properties);
            matcher.add("--spring.kafka.streams.state-dir="
                    + settings.matcherStateDir().toAbsolutePath());
            stack.run(MatcherServiceApplication.builder(), settings, settings.matcherPort(), matcher);
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    @Override
    public void close() {
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).close();
        }
        services.clear();
        broker.close();
    }

    private void run(SpringApplicationBuilder service, LocalSettings settings, int port, List<String> extra) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                "--aidmatch.security.api-keys-file=" + settings.apiKeysFile(),
                // This stack closes the services itself, before the broker they need to close cleanly.
                "--spring.main.register-shutdown-hook=false",
                "--spring.main.banner-mode=off"));
        args.addAll(extra);
        services.add(service.run(args.toArray(String[]::new)));
    }
}
