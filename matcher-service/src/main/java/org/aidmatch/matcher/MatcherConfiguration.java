package org.aidmatch.matcher;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import org.aidmatch.contracts.TopicValue;
import org.aidmatch.contracts.topics.Topics;
import org.aidmatch.matcher.streams.ClockTicker;
import org.aidmatch.matcher.streams.KnownSupplyTypes;
import org.aidmatch.matcher.streams.MatcherHealth;
import org.aidmatch.matcher.streams.MatcherMetrics;
import org.aidmatch.matcher.streams.MatcherStreams;
import org.aidmatch.matcher.streams.MatcherStreamsConfig;
import org.aidmatch.matcher.streams.MatcherTopology;
import org.aidmatch.matcher.streams.MatchingProperties;
import org.aidmatch.service.catalogue.CatalogueFollower;
import org.aidmatch.service.catalogue.LiveCatalogue;
import org.aidmatch.service.kafka.DeclaredTopics;
import org.aidmatch.service.kafka.TopicProperties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MatchingProperties.class)
class MatcherConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MatcherConfiguration.class);

    @Bean
    MatcherMetrics matcherMetrics(MeterRegistry registry) {
        return new MatcherMetrics(registry);
    }

    @Bean
    MatcherStreams matcherStreams(
            KafkaProperties kafka,
            TopicProperties topics,
            MatcherMetrics metrics,
            MatchingProperties matching,
            LiveCatalogue catalogue,
            CatalogueFollower catalogueFollower) {
        DeadLetterPublishingRecoverer deadLetters = unreadableRecordRecoverer(kafka);
        ConsumerRecordRecoverer countingDeadLetters = (record, cause) -> {
            metrics.rejected(record.topic(), "unreadable");
            if (Topics.CLOCK.name().equals(record.topic())) {
                // A tick holds nothing but a time; the next readable one carries it.
                log.warn("Skipping an unreadable clock record: {}", cause.getMessage());
                return;
            }
            deadLetters.accept(record, cause);
        };
        return new MatcherStreams(
                MatcherTopology.build(
                        metrics, matching.book().withSupplyTypes(new KnownSupplyTypes(catalogue, catalogueFollower))),
                MatcherStreamsConfig.of(
                        kafka.buildStreamsProperties(), topics.replicationFactor(), countingDeadLetters),
                matching.closeTimeout());
    }

    @Bean
    ClockTicker clockTicker(
            KafkaTemplate<String, TopicValue> template, DeclaredTopics topics, MatchingProperties matching) {
        return new ClockTicker(template, topics, matching.tickInterval());
    }

    @Bean
    MatcherHealth matcherHealth(MatcherStreams streams) {
        return new MatcherHealth(streams);
    }

    /**
     * Copies a record the matcher cannot even read, byte for byte, to its input's dead-letter topic,
     * with the cause's class and message in Spring's {@code kafka_dlt-*} headers, and no stack trace;
     * the matcher then moves on.
     */
    private static DeadLetterPublishingRecoverer unreadableRecordRecoverer(KafkaProperties kafka) {
        Map<String, Object> producer = new HashMap<>(kafka.buildProducerProperties());
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        KafkaTemplate<byte[], byte[]> template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producer));
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(
                template,
                (record, cause) ->
                        new TopicPartition(Topics.deadLetterOf(record.topic()).name(), -1));
        // The cause's class and message say what was wrong with the record; a stack trace says only
        // where our code noticed, and would show its internals to whoever reads the dead letters.
        recoverer.excludeHeader(DeadLetterPublishingRecoverer.HeaderNames.HeadersToAdd.EX_STACKTRACE);
        return recoverer;
    }
}
