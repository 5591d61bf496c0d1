package org.aidmatch.matcher;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.aidmatch.contracts.catalogue.SupplyCatalogue;
import org.aidmatch.contracts.catalogue.SupplyType;
import org.aidmatch.contracts.events.MatchStatus;
import org.aidmatch.contracts.topics.Topics;
import org.aidmatch.matcher.view.CoordinatorView;
import org.aidmatch.matcher.web.StreamProperties;
import org.aidmatch.service.kafka.TopicFollower;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StreamProperties.class)
class MatcherViewConfiguration {

    @Bean
    CoordinatorView coordinatorView(MeterRegistry registry) {
        CoordinatorView view = new CoordinatorView();
        FunctionCounter.builder("aidmatch.matches", view, CoordinatorView::matchCount)
                .description("Matches made; its rate is matches per second")
                .register(registry);
        for (SupplyType type : SupplyCatalogue.standard().all()) {
            FunctionCounter.builder("aidmatch.delivered.quantity", view, v -> v.deliveredQuantity(type.code()))
                    .description("Quantity received in good condition, per supply type")
                    .tag("supply_type", type.code())
                    .register(registry);
            for (MatchStatus ended : new MatchStatus[] {MatchStatus.LAPSED, MatchStatus.DECLINED}) {
                FunctionCounter.builder("aidmatch.matches.ended", view, v -> v.endedCount(type.code(), ended))
                        .description("Matches that lapsed or were declined, per supply type")
                        .tag("supply_type", type.code())
                        .tag("status", ended.name())
                        .register(registry);
            }
            for (boolean offered : new boolean[] {false, true}) {
                Gauge.builder("aidmatch.open.quantity", view, v -> v.openQuantity(type.code(), offered))
                        .description("Quantity still open, per supply type, on the requested or offered side")
                        .tag("supply_type", type.code())
                        .tag("side", offered ? "offered" : "requested")
                        .register(registry);
            }
        }
        return view;
    }

    /** Every instance follows all partitions of all three topics, whichever tasks it matches. */
    @Bean
    TopicFollower coordinatorViewFollower(KafkaProperties kafka, CoordinatorView view) {
        return TopicFollower.withPositions(
                kafka.buildConsumerProperties(), List.of(Topics.REQUESTS, Topics.OFFERS, Topics.MATCHES), view::apply);
    }
}
