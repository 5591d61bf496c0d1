package org.aidmatch.request;

import java.util.List;
import org.aidmatch.contracts.topics.Topics;
import org.aidmatch.request.view.RequestView;
import org.aidmatch.service.kafka.TopicFollower;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RequestServiceConfiguration {

    @Bean
    RequestView requestView() {
        return new RequestView();
    }

    /** The view is folded from the requests this service wrote and the matcher's decisions on them. */
    @Bean
    TopicFollower requestViewFollower(KafkaProperties kafka, RequestView view) {
        return new TopicFollower(
                kafka.buildConsumerProperties(), List.of(Topics.REQUESTS, Topics.MATCHES), view::apply);
    }
}
