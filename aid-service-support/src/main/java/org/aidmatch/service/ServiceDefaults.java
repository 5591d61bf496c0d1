package org.aidmatch.service;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Settings every AidMatch service shares, at the lowest precedence so that any file, variable or
 * argument overrides them.
 */
public class ServiceDefaults implements EnvironmentPostProcessor, Ordered {

    private static final Map<String, Object> DEFAULTS = Map.of(
            // Health is public; Prometheus metrics are for coordinators (see ApiSecurity).
            "management.endpoints.web.exposure.include",
            "health,prometheus",
            "management.endpoint.health.probes.enabled",
            true);

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("aidmatch-service-defaults", DEFAULTS));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
