package org.aidmatch.offer;

import java.util.List;
import org.aidmatch.contracts.topics.Topics;
import org.aidmatch.offer.view.OfferView;
import org.aidmatch.service.kafka.TopicFollower;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OfferServiceConfiguration {

    @Bean
    OfferView offerView() {
        return new OfferView();
    }

    /** The view is folded from the offers this service wrote and the matcher's decisions on them. */
    @Bean
    TopicFollower offerViewFollower(KafkaProperties kafka, OfferView view) {
        return new TopicFollower(kafka.buildConsumerProperties(), List.of(Topics.OFFERS, Topics.MATCHES), view::apply);
    }
}
