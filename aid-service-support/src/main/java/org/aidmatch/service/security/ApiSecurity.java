package org.aidmatch.service.security;

import jakarta.servlet.DispatcherType;
import java.time.Duration;
import java.util.List;
import org.aidmatch.contracts.organisations.Role;
import org.aidmatch.service.directory.Directory;
import org.aidmatch.service.directory.DirectoryFollower;
import org.aidmatch.service.directory.KeyUses;
import org.aidmatch.service.kafka.EventPublisher;
import org.aidmatch.service.problem.ProblemWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may call what. Every {@code /api/**} call is authenticated but asking to join and the list
 * of places (which the join form needs); health, the API docs and the static pages are public;
 * every other actuator endpoint is for coordinators.
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

    /** Where organisations ask to join: the one {@code /api} call open to anyone. */
    public static final String APPLICATIONS_PATH = "/api/v1/organisations/applications";

    /** How long the check of a key not yet known here waits for the directory to catch up. */
    private static final Duration KEY_CATCH_UP = Duration.ofSeconds(2);

    @Bean
    KeyUses keyUses(EventPublisher publisher, Directory directory, ApiSecurityProperties properties) {
        return new KeyUses(publisher, directory, properties.keyUseInterval());
    }

    @Bean
    KeyCallers keyCallers(ApiKeys file, Directory directory, DirectoryFollower follower, KeyUses uses) {
        return new KeyCallers(
                file, directory, follower::isLoaded, () -> follower.catchUpWithTopics(KEY_CATCH_UP), uses::used);
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

    /**
     * No inline script or style and no framing anywhere: the portal and Swagger UI load their
     * scripts and styles from this origin only, and call only this origin and the listed ones.
     */
    static String contentSecurityPolicy(List<String> connectSources) {
        String connect = String.join(" ", connectSources);
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; "
                + "connect-src 'self'" + (connect.isEmpty() ? "" : " " + connect)
                + "; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    @Bean
    SecurityFilterChain apiSecurityFilterChain(
            HttpSecurity http,
            KeyCallers keys,
            JsonMapper json,
            ApiSecurityProperties properties,
            Environment environment)
            throws Exception {
        ProblemWriter writer = new ProblemWriter(json);
        FailedSignIns failures = new FailedSignIns(properties.failedSignIns());
        ProblemResponses problems = new ProblemResponses(writer, failures);
        BearerTokens.decoder(
                        environment.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri"),
                        environment.getProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri"),
                        properties.jwt().audience())
                .ifPresent(decoder -> configureBearerTokens(http, decoder, properties, problems, keys));
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .headers(headers -> headers.contentSecurityPolicy(
                                csp -> csp.policyDirectives(contentSecurityPolicy(properties.connectSources())))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .frameOptions(frames -> frames.deny()))
                .addFilterAfter(new SignInGate(failures, writer), HeaderWriterFilter.class)
                .addFilterBefore(
                        new ApiKeyFilter(keys, problems.unauthorized(), writer), AnonymousAuthenticationFilter.class)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems.unauthorized())
                        .accessDeniedHandler(problems.forbidden()))
                // A live stream's later writes come back as ASYNC dispatches of a request already
                // authorised; checking them again finds no caller and logs a denial per closed stream.
                .authorizeHttpRequests(requests -> requests.dispatcherTypeMatchers(DispatcherType.ASYNC)
                        .permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasRole(Role.COORDINATOR.name())
                        .requestMatchers(HttpMethod.POST, APPLICATIONS_PATH)
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/areas")
                        .permitAll()
                        .requestMatchers("/api/**")
                        .authenticated()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                        .permitAll()
                        .requestMatchers("/error")
                        .permitAll()
                        .anyRequest()
                        .permitAll());
        if (!properties.cors().allowedOrigins().isEmpty()) {
            // Before the gate and the key check, so that a preflight (which carries no key) is answered,
            // and so that a refusal of a listed origin's call still carries the headers it can read.
            http.addFilterBefore(CrossOriginCalls.filter(properties.cors().allowedOrigins(), json), SignInGate.class);
        }
        return http.build();
    }

    private static void configureBearerTokens(
            HttpSecurity http,
            JwtDecoder decoder,
            ApiSecurityProperties properties,
            ProblemResponses problems,
            KeyCallers keys) {
        try {
            http.oauth2ResourceServer(oauth2 -> oauth2.jwt(jwt ->
                            jwt.decoder(decoder).jwtAuthenticationConverter(new JwtCallers(properties.jwt(), keys)))
                    .authenticationEntryPoint(problems.unauthorized()));
        } catch (Exception e) {
            throw new IllegalStateException("cannot set up bearer tokens", e);
        }
    }
}
