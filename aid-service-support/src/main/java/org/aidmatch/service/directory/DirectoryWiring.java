package org.aidmatch.service.directory;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.aidmatch.contracts.organisations.OrganisationStatus;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The directory every service follows. */
@Configuration(proxyBeanMethods = false)
public class DirectoryWiring {

    @Bean
    Directory directory(MeterRegistry registry) {
        Directory directory = new Directory();
        for (OrganisationStatus status : OrganisationStatus.values()) {
            Gauge.builder("aidmatch.organisations", directory, d -> d.count(status))
                    .description("Organisations in the directory, by status")
                    .tag("status", status.name())
                    .register(registry);
        }
        return directory;
    }

    @Bean
    DirectoryFollower directoryFollower(KafkaProperties kafka, Directory directory) {
        return new DirectoryFollower(kafka.buildConsumerProperties(), directory);
    }
}
