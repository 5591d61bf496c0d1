package org.aidmatch.local;

import java.nio.file.Path;

/**
 * Where the local stack keeps its data and which ports it uses.
 *
 * @param apiKeysFile the keys file the services accept; the shipped demo keys by default
 */
record LocalSettings(
        Path dataDir,
        int kafkaPort,
        int controllerPort,
        int requestPort,
        int offerPort,
        int matcherPort,
        String apiKeysFile) {

    static final String DEMO_KEYS = "classpath:demo-api-keys.csv";

    static LocalSettings defaults() {
        return new LocalSettings(Path.of("data"), 9092, 9093, 8081, 8082, 8080, DEMO_KEYS);
    }

    Path kafkaDir() {
        return dataDir.resolve("kafka");
    }

    Path matcherStateDir() {
        return dataDir.resolve("matcher-state");
    }
}
