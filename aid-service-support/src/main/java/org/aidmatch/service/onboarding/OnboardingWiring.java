package org.aidmatch.service.onboarding;

import org.aidmatch.service.directory.Directory;
import org.aidmatch.service.directory.DirectoryFollower;
import org.aidmatch.service.kafka.EventPublisher;
import org.aidmatch.service.security.ApiKeys;
import org.aidmatch.service.security.ApiSecurityProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Joining and keys, for the service that serves them (the matcher imports it). */
@Configuration(proxyBeanMethods = false)
public class OnboardingWiring {

    @Bean
    Onboarding onboarding(EventPublisher publisher, Directory directory, DirectoryFollower follower, ApiKeys file) {
        return new Onboarding(publisher, directory, follower, file);
    }

    @Bean
    OrganisationApplications organisationApplications(ApiSecurityProperties properties) {
        return new OrganisationApplications(properties.applications());
    }
}
