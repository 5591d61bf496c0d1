package org.aidmatch.matcher;

import java.util.List;
import org.aidmatch.contracts.topics.Topics;
import org.aidmatch.matcher.view.CoordinatorView;
import org.aidmatch.service.kafka.TopicFollower;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MatcherViewConfiguration {

    @Bean
    CoordinatorView coordinatorView() {
        return new CoordinatorView();
    }

    /** Every instance follows all partitions of all three topics, whichever tasks it matches. */
    @Bean
    TopicFollower coordinatorViewFollower(KafkaProperties kafka, CoordinatorView view) {
        return TopicFollower.withPositions(kafka.buildConsumerProperties(),
                List.of(Topics.REQUESTS, Topics.OFFERS, Topics.MATCHES), view::apply);
    }
}
