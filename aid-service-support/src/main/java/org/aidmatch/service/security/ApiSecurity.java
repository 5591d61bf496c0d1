package org.aidmatch.service.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.aidmatch.service.web.ProblemWriter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may call what. Every {@code /api/**} call is authenticated; health, the API docs and the
 * static pages are public; every other actuator endpoint is for coordinators.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(ApiSecurityProperties.class)
public class ApiSecurity {

    private static final Logger log = LoggerFactory.getLogger(ApiSecurity.class);

    @Bean
    ApiKeys apiKeys(ApiSecurityProperties properties, ResourceLoader resources) {
        if (properties.apiKeysFile() == null || properties.apiKeysFile().isBlank()) {
            log.warn("aidmatch.security.api-keys-file is not set: no API key will be accepted");
            return ApiKeys.none();
        }
        String location = properties.apiKeysFile();
        boolean hasPrefix = location.startsWith("classpath:") || location.startsWith("file:");
        ApiKeys keys = ApiKeys.load(resources.getResource(hasPrefix ? location : "file:" + location));
        log.info("Loaded {} API key(s) from {}", keys.size(), location);
        return keys;
    }

    /** No user names and passwords: this also stops Boot from generating a default password. */
    @Bean
    UserDetailsService noPasswordUsers() {
        return new InMemoryUserDetailsManager();
    }

    /**
     * Without this, every security filter is wrapped in an observation on every request, which took
     * about a fifth of the CPU of a POST under load; http.server.requests still times each request.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, ApiKeys keys, JsonMapper json,
            ApiSecurityProperties properties, ObjectProvider<JwtDecoder> jwtDecoder) throws Exception {
        ProblemResponses problems = new ProblemResponses(new ProblemWriter(json));
        if (jwtDecoder.getIfAvailable() != null) {
            // Boot provides a decoder only when an issuer or a JWK set is configured.
            http.oauth2ResourceServer(oauth2 -> oauth2
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(new JwtCallers(properties.jwt())))
                    .authenticationEntryPoint(problems.unauthorized()));
        }
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .addFilterBefore(new ApiKeyFilter(keys, problems.unauthorized()), AnonymousAuthenticationFilter.class)
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(problems.unauthorized())
                        .accessDeniedHandler(problems.forbidden()))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole(Role.COORDINATOR.name())
                        .requestMatchers("/api/**").authenticated()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/error").permitAll()
                        .anyRequest().permitAll());
        return http.build();
    }
}
