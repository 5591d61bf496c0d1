package org.aidmatch.matcher.notifications;

import io.micrometer.core.instrument.MeterRegistry;
import org.aidmatch.service.catalogue.LiveCatalogue;
import org.aidmatch.service.directory.Directory;
import org.aidmatch.service.kafka.EventPublisher;
import org.aidmatch.service.security.ApiKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * The notifier: two consumer groups named after the matcher's application id, so that every
 * matcher instance of one deployment shares the work and a restart goes on where it stopped.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationProperties.class)
public class NotificationConfiguration {

    private static final Logger log = LoggerFactory.getLogger(NotificationConfiguration.class);

    @Bean
    WebhookDirectory webhookDirectory() {
        return new WebhookDirectory();
    }

    @Bean
    WebhookFollower webhookFollower(KafkaProperties kafka, WebhookDirectory webhooks) {
        return new WebhookFollower(kafka.buildConsumerProperties(), webhooks);
    }

    @Bean
    WebhookTargets webhookTargets(NotificationProperties properties) {
        return new WebhookTargets(properties.allowedHosts());
    }

    @Bean
    SecretSeal secretSeal(NotificationProperties properties) {
        SecretSeal seal = new SecretSeal(properties.secretKey());
        if (!seal.seals()) {
            log.warn(
                    "aidmatch.notifications.secret-key is not set: webhook secrets are kept unsealed on aid.webhooks.v1");
        }
        return seal;
    }

    @Bean
    Webhooks webhooks(
            EventPublisher publisher,
            WebhookDirectory webhooks,
            WebhookFollower follower,
            WebhookTargets targets,
            Directory directory,
            ApiKeys file,
            SecretSeal seal) {
        return new Webhooks(publisher, webhooks, follower, targets, directory, file, seal);
    }

    @Bean
    @ConditionalOnProperty(name = "aidmatch.notifications.enabled", matchIfMissing = true)
    NotificationFanOut notificationFanOut(
            KafkaProperties kafka,
            EventPublisher publisher,
            @Value("${spring.kafka.streams.application-id:aidmatch-matcher}") String applicationId) {
        return new NotificationFanOut(kafka.buildConsumerProperties(), applicationId + "-notifications", publisher);
    }

    /** Only where {@code spring.mail.host} is set, which gives Spring Boot's mail sender. */
    @Bean
    @ConditionalOnExpression("${aidmatch.notifications.enabled:true} and '${spring.mail.host:}' != ''")
    NotificationDeliverer emailDeliverer(
            KafkaProperties kafka,
            JavaMailSender mail,
            Directory directory,
            WebhookDirectory settings,
            LiveCatalogue catalogue,
            EventPublisher publisher,
            NotificationProperties properties,
            MeterRegistry registry,
            @Value("${spring.kafka.streams.application-id:aidmatch-matcher}") String applicationId) {
        NotificationProperties.Email email = properties.email();
        return new NotificationDeliverer(
                kafka.buildConsumerProperties(),
                applicationId + "-email",
                new EmailSender(
                        mail,
                        directory,
                        settings,
                        new EmailTemplates(email.portalUrl(), catalogue),
                        email.from(),
                        email.gatherFor()),
                publisher,
                properties,
                new NotificationMetrics(registry));
    }

    @Bean
    @ConditionalOnProperty(name = "aidmatch.notifications.enabled", matchIfMissing = true)
    NotificationDeliverer webhookDeliverer(
            KafkaProperties kafka,
            WebhookDirectory webhooks,
            WebhookTargets targets,
            SecretSeal seal,
            EventPublisher publisher,
            NotificationProperties properties,
            MeterRegistry registry,
            @Value("${spring.kafka.streams.application-id:aidmatch-matcher}") String applicationId) {
        return new NotificationDeliverer(
                kafka.buildConsumerProperties(),
                applicationId + "-webhooks",
                new WebhookSender(webhooks, targets, seal, properties.timeout()),
                publisher,
                properties,
                new NotificationMetrics(registry));
    }
}
