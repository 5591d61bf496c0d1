package org.aidmatch.service.catalogue;

import java.time.Duration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The live catalogue every service validates against. */
@Configuration(proxyBeanMethods = false)
public class CatalogueWiring {

    /** How long a check of a code not known here waits for the catalogue topic. */
    private static final Duration CATCH_UP = Duration.ofSeconds(2);

    @Bean
    LiveCatalogue liveCatalogue() {
        return new LiveCatalogue();
    }

    @Bean
    CatalogueFollower catalogueFollower(KafkaProperties kafka, LiveCatalogue catalogue) {
        CatalogueFollower follower = new CatalogueFollower(kafka.buildConsumerProperties(), catalogue);
        catalogue.catchUpWith(() -> {
            if (follower.isLoaded()) {
                follower.catchUpWithTopics(CATCH_UP);
            }
        });
        return follower;
    }
}
