package org.aidmatch.service.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code aidmatch.security.*}.
 *
 * @param apiKeysFile where the API keys CSV is: a file path, or a {@code classpath:} location;
 *     without it no API key is accepted
 * @param jwt which claims of a bearer token name the organisation and the roles
 */
@ConfigurationProperties("aidmatch.security")
public record ApiSecurityProperties(String apiKeysFile, @DefaultValue Jwt jwt) {

    /**
     * Bearer tokens are accepted when {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}
     * or {@code jwk-set-uri} is set.
     *
     * @param organizationClaim the claim holding the organisation's name
     * @param rolesClaim the claim holding the roles: a list, or a string separated by spaces, commas or {@code |}
     */
    public record Jwt(@DefaultValue("org") String organizationClaim, @DefaultValue("roles") String rolesClaim) {}
}
