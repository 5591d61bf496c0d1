package org.aidmatch.service.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code aidmatch.security.*}.
 *
 * @param apiKeysFile where the API keys CSV is: a file path, or a {@code classpath:} location;
 *     without it no API key is accepted
 * @param jwt which claims of a bearer token name the organisation and the roles, and its audience
 * @param failedSignIns how many failed sign-ins an address may make before it is refused for a while
 * @param cors which other origins' pages may call this service from a browser
 * @param connectSources origins beyond this one that this service's own pages may call (the
 *     portal, served by the matcher, calls the request and offer services)
 * @param keyUseInterval how often each instance reports that a directory key was used; a key's
 *     last use is known to within this
 * @param applications how many organisations may ask to join, per address and in all
 */
@ConfigurationProperties("aidmatch.security")
public record ApiSecurityProperties(
        String apiKeysFile,
        @DefaultValue Jwt jwt,
        @DefaultValue FailedSignIns failedSignIns,
        @DefaultValue Cors cors,
        @DefaultValue List<String> connectSources,
        @DefaultValue("1m") Duration keyUseInterval,
        @DefaultValue Applications applications) {

    public ApiSecurityProperties {
        connectSources =
                connectSources.stream().filter(source -> !source.isBlank()).toList();
    }

    /**
     * @param allowedOrigins exact origins, such as {@code https://portal.example.org}; empty, the
     *     default, admits no cross-origin call at all
     */
    public record Cors(@DefaultValue List<String> allowedOrigins) {
        public Cors {
            allowedOrigins =
                    allowedOrigins.stream().filter(origin -> !origin.isBlank()).toList();
        }
    }

    /**
     * Bearer tokens are accepted when {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}
     * or {@code jwk-set-uri} is set; the issuer URI and the audience are then both required.
     *
     * @param organizationClaim the claim holding the organisation's name
     * @param rolesClaim the claim holding the roles: a list, or a string separated by spaces, commas or {@code |}
     * @param audience the value the token's {@code aud} claim must hold
     */
    public record Jwt(
            @DefaultValue("org") String organizationClaim,
            @DefaultValue("roles") String rolesClaim,
            String audience) {}

    /**
     * @param perAddress applications one address may send within {@code per}
     * @param per how long that bucket takes to refill
     * @param pendingLimit how many applications may wait for a coordinator at once; beyond it new
     *     ones are refused with 503, so a flood cannot grow the directory without bound
     */
    public record Applications(
            @DefaultValue("5") int perAddress,
            @DefaultValue("1h") Duration per,
            @DefaultValue("1000") int pendingLimit) {}

    /**
     * @param limit failed sign-ins an address may make in a row
     * @param per how long the bucket takes to refill completely
     */
    public record FailedSignIns(
            @DefaultValue("10") int limit,
            @DefaultValue("1m") Duration per) {}
}
