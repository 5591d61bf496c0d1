package org.aidmatch.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The launcher's command line: what to start, where, and the Spring properties every service gets.
 *
 * @param brokerOnly start the broker alone, for services run as separate processes
 * @param help only print the usage
 * @param serviceProperties {@code --name=value} Spring properties, passed to each of the three services as given
 */
record LauncherArguments(boolean brokerOnly, boolean help, LocalSettings settings, List<String> serviceProperties) {

    static final String USAGE = """
            Usage: java -jar aidmatch-local.jar [all|broker] [options] [--spring.property=value ...]

              all                     the broker and the three services (the default)
              broker                  the broker alone, for services run as separate processes
              --data-dir=DIR          where everything is kept (default ./data)
              --kafka-port=PORT       the broker's port (default 9092; the controller takes the next one)
              --request-port=PORT     the request service's port (default 8081)
              --offer-port=PORT       the offer service's port (default 8082)
              --matcher-port=PORT     the matcher's port, with the portal (default 8080)
              --api-keys-file=FILE    your organisations' API keys instead of the demo keys
                                      (header key_sha256,organization,roles; see README.md)
              --help                  this text

            Any other --name=value is a Spring property that every service gets, for example
              --aidmatch.topics.replication-factor=3 --aidmatch.security.jwt.audience=aidmatch
            """;

    /** Properties the launcher sets itself, per service; given as Spring properties, they would clash. */
    private static final Set<String> SET_BY_LAUNCHER =
            Set.of("server.port", "spring.kafka.bootstrap-servers", "spring.kafka.streams.state-dir");

    static LauncherArguments parse(String... args) {
        LocalSettings s = LocalSettings.defaults();
        boolean brokerOnly = false;
        boolean help = false;
        List<String> properties = new ArrayList<>();
        for (String arg : args) {
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            switch (name) {
                case "all" -> brokerOnly = false;
                case "broker" -> brokerOnly = true;
                case "--help", "-h" -> help = true;
                case "--data-dir" ->
                    s = new LocalSettings(
                            Path.of(required(name, value)),
                            s.kafkaPort(),
                            s.controllerPort(),
                            s.requestPort(),
                            s.offerPort(),
                            s.matcherPort(),
                            s.apiKeysFile());
                case "--kafka-port" -> {
                    int port = port(name, value);
                    s = new LocalSettings(
                            s.dataDir(),
                            port,
                            port + 1,
                            s.requestPort(),
                            s.offerPort(),
                            s.matcherPort(),
                            s.apiKeysFile());
                }
                case "--request-port" ->
                    s = new LocalSettings(
                            s.dataDir(),
                            s.kafkaPort(),
                            s.controllerPort(),
                            port(name, value),
                            s.offerPort(),
                            s.matcherPort(),
                            s.apiKeysFile());
                case "--offer-port" ->
                    s = new LocalSettings(
                            s.dataDir(),
                            s.kafkaPort(),
                            s.controllerPort(),
                            s.requestPort(),
                            port(name, value),
                            s.matcherPort(),
                            s.apiKeysFile());
                case "--matcher-port" ->
                    s = new LocalSettings(
                            s.dataDir(),
                            s.kafkaPort(),
                            s.controllerPort(),
                            s.requestPort(),
                            s.offerPort(),
                            port(name, value),
                            s.apiKeysFile());
                // the services' own property name means the same, so it is taken as the option
                case "--api-keys-file", "--aidmatch.security.api-keys-file" ->
                    s = new LocalSettings(
                            s.dataDir(),
                            s.kafkaPort(),
                            s.controllerPort(),
                            s.requestPort(),
                            s.offerPort(),
                            s.matcherPort(),
                            Path.of(required(name, value)).toString());
                default -> properties.add(springProperty(arg, name, value));
            }
        }
        return new LauncherArguments(brokerOnly, help, s, List.copyOf(properties));
    }

    private static String springProperty(String arg, String name, String value) {
        if (value == null || !name.matches("--[a-z][a-z0-9._\\-\\[\\]]*")) {
            throw new IllegalArgumentException("Unknown argument '" + arg + "'.");
        }
        String property = name.substring(2);
        if (SET_BY_LAUNCHER.contains(property)) {
            throw new IllegalArgumentException("The launcher sets " + property + " itself for each service; use "
                    + "--data-dir, --kafka-port, --request-port, --offer-port or --matcher-port.");
        }
        return arg;
    }

    private static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " needs a value: " + name + "=...");
        }
        return value;
    }

    private static int port(String name, String value) {
        try {
            int port = Integer.parseInt(required(name, value));
            if (port < 1 || port > 65_534) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number from 1 to 65534, was '" + value + "'.");
        }
    }
}
