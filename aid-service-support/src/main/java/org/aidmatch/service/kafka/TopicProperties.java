package org.aidmatch.service.kafka;

import org.aidmatch.contracts.topics.TopicSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code aidmatch.topics.*}: how the services create AidMatch topics when they are missing.
 *
 * @param partitions shared by all topics; caps how many matcher instances can share the work
 * @param replicationFactor 1 for a single local broker, 3 on a real cluster
 */
@ConfigurationProperties("aidmatch.topics")
public record TopicProperties(@DefaultValue("6") int partitions, @DefaultValue("1") short replicationFactor) {

    public TopicSettings settings() {
        return new TopicSettings(partitions, replicationFactor);
    }
}
