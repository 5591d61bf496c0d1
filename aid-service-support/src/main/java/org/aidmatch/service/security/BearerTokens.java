package org.aidmatch.service.security;

import java.util.Optional;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;

/**
 * How bearer tokens are verified, when they are accepted at all: signed with a key of the JWK set
 * (RS256; unsigned and HS256 tokens are refused), not expired, from the configured issuer and for
 * the configured audience. Issuer and audience are both required: without the audience, a token
 * the same identity provider issued for any other application would be accepted here.
 */
final class BearerTokens {

    private BearerTokens() {}

    /**
     * @param issuerUri the issuer every token must name; also where the keys are discovered when no JWK set URI is given
     * @param jwkSetUri where the signing keys are, if not discovered from the issuer
     * @param audience the audience every token must name
     * @return no decoder when neither URI is set: bearer tokens are then refused
     */
    static Optional<JwtDecoder> decoder(String issuerUri, String jwkSetUri, String audience) {
        if (blank(issuerUri) && blank(jwkSetUri)) {
            return Optional.empty();
        }
        if (blank(issuerUri)) {
            throw new IllegalStateException("Bearer tokens are configured without an issuer: set "
                    + "spring.security.oauth2.resourceserver.jwt.issuer-uri to the issuer the tokens' 'iss' claim "
                    + "must name (beside jwk-set-uri it is only compared, never fetched)");
        }
        if (blank(audience)) {
            throw new IllegalStateException("Bearer tokens are configured without an audience: set "
                    + "aidmatch.security.jwt.audience to the audience the tokens' 'aud' claim must name");
        }
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuerUri), audienceIs(audience));
        if (!blank(jwkSetUri)) {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri).build();
            decoder.setJwtValidator(validator);
            return Optional.of(decoder);
        }
        // Discovery asks the issuer over the network, so it waits for the first token.
        return Optional.of(new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder =
                    NimbusJwtDecoder.withIssuerLocation(issuerUri).build();
            decoder.setJwtValidator(validator);
            return decoder;
        }));
    }

    private static OAuth2TokenValidator<Jwt> audienceIs(String audience) {
        OAuth2Error wrongAudience = new OAuth2Error("invalid_token", "The token is not meant for this audience.", null);
        return jwt -> jwt.getAudience() != null && jwt.getAudience().contains(audience)
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(wrongAudience);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
