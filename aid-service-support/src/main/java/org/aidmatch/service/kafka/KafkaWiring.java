package org.aidmatch.service.kafka;

import java.time.Duration;
import java.util.Map;
import org.aidmatch.contracts.TopicValue;
import org.aidmatch.contracts.json.AidEventSerializer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

/** Topics as declared, and a producer that only reports success once every in-sync replica has the record. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TopicProperties.class)
public class KafkaWiring {

    /** How long a POST waits for the broker before it answers 503. */
    static final Duration ACK_TIMEOUT = Duration.ofSeconds(6);

    @Bean
    DeclaredTopics declaredTopics(KafkaProperties kafka, TopicProperties properties) {
        return new DeclaredTopics(kafka.buildAdminProperties(), properties);
    }

    @Bean
    ProducerFactory<String, TopicValue> aidEventProducerFactory(KafkaProperties kafka) {
        Map<String, Object> config = kafka.buildProducerProperties();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AidEventSerializer.class);
        // Fail fast enough that a client gets a 503 in seconds, not a hung request, when Kafka is down.
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3_000);
        config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_500);
        config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5_000);
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 0);
        return new DefaultKafkaProducerFactory<>(config);
    }

    @Bean
    KafkaTemplate<String, TopicValue> aidEventTemplate(ProducerFactory<String, TopicValue> producerFactory) {
        return new KafkaTemplate<>(producerFactory);
    }

    @Bean
    EventPublisher eventPublisher(KafkaTemplate<String, TopicValue> template, DeclaredTopics topics) {
        return new EventPublisher(template, ACK_TIMEOUT, topics);
    }
}
