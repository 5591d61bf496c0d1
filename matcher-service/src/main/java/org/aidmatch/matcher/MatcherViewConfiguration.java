package org.aidmatch.matcher;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.aidmatch.contracts.catalogue.SupplyType;
import org.aidmatch.contracts.events.MatchStatus;
import org.aidmatch.contracts.topics.Topics;
import org.aidmatch.matcher.view.CoordinatorView;
import org.aidmatch.matcher.web.StreamProperties;
import org.aidmatch.service.catalogue.CatalogueAdmin;
import org.aidmatch.service.catalogue.CatalogueFollower;
import org.aidmatch.service.catalogue.CatalogueSeed;
import org.aidmatch.service.catalogue.LiveCatalogue;
import org.aidmatch.service.kafka.EventPublisher;
import org.aidmatch.service.kafka.TopicFollower;
import org.aidmatch.service.onboarding.OnboardingWiring;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StreamProperties.class)
// Joining and keys are served here only; every service checks keys, none other writes the directory.
@Import(OnboardingWiring.class)
class MatcherViewConfiguration {

    @Bean
    CoordinatorView coordinatorView(MeterRegistry registry, LiveCatalogue catalogue) {
        CoordinatorView view = new CoordinatorView(catalogue::nameOf);
        FunctionCounter.builder("aidmatch.matches", view, CoordinatorView::matchCount)
                .description("Matches made; its rate is matches per second")
                .register(registry);
        catalogue.all().forEach(type -> registerGauges(registry, view, type));
        // A type a coordinator adds gets its gauges when the catalogue reads it; registering again is a no-op.
        catalogue.onChange(type -> registerGauges(registry, view, type));
        return view;
    }

    private static void registerGauges(MeterRegistry registry, CoordinatorView view, SupplyType type) {
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

    @Bean
    CatalogueAdmin catalogueAdmin(EventPublisher publisher, LiveCatalogue catalogue, CatalogueFollower follower) {
        return new CatalogueAdmin(publisher, catalogue, follower);
    }

    /** The matcher, where coordinators keep the catalogue, writes the seed to its topic. */
    @Bean(initMethod = "start")
    CatalogueSeed catalogueSeed(EventPublisher publisher, LiveCatalogue catalogue, CatalogueFollower follower) {
        return new CatalogueSeed(publisher, catalogue, follower);
    }

    /** Every instance follows all partitions of all three topics, whichever tasks it matches. */
    @Bean
    TopicFollower coordinatorViewFollower(KafkaProperties kafka, CoordinatorView view) {
        return TopicFollower.withPositions(
                kafka.buildConsumerProperties(), List.of(Topics.REQUESTS, Topics.OFFERS, Topics.MATCHES), view::apply);
    }
}
