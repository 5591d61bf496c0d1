package org.aidmatch.testing;

import org.springframework.test.context.DynamicPropertyRegistry;

/** What a service under test needs to run against the test broker with the test API keys. */
public final class ServiceTestProperties {

    private ServiceTestProperties() {}

    public static void register(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", KafkaTestBroker::bootstrapServers);
        registry.add("aidmatch.security.api-keys-file", () -> TestApiKeys.file().toString());
    }
}
