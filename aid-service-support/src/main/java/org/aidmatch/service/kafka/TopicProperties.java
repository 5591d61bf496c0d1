package org.aidmatch.service.kafka;

import java.time.Duration;
import org.aidmatch.contracts.topics.TopicSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code aidmatch.topics.*}: how the services create AidMatch topics, and what they do about
 * existing topics whose configs differ from what each {@code Topic} declares.
 *
 * @param partitions shared by all topics; caps how many matcher instances can share the work
 * @param replicationFactor 1 for a single local broker, 3 on a real cluster
 * @param deadLetterRetention how long the dead-letter topics keep what the matcher refused
 * @param manageConfigs alter an existing topic whose retention differs; when false, refuse to run on it instead
 */
@ConfigurationProperties("aidmatch.topics")
public record TopicProperties(
        @DefaultValue("6") int partitions,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue("30d") Duration deadLetterRetention,
        @DefaultValue("true") boolean manageConfigs) {

    public TopicSettings settings() {
        return new TopicSettings(partitions, replicationFactor, deadLetterRetention);
    }
}
