package org.aidmatch.service.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.aidmatch.contracts.organisations.Role;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.Jwt;

/** Turns a verified bearer token into a {@link Caller}, from the configured claims. */
final class JwtCallers implements Converter<Jwt, AbstractAuthenticationToken> {

    private final ApiSecurityProperties.Jwt claims;
    private final KeyCallers keys;

    JwtCallers(ApiSecurityProperties.Jwt claims, KeyCallers keys) {
        this.claims = claims;
        this.keys = keys;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String organization = jwt.getClaimAsString(claims.organizationClaim());
        if (organization == null || organization.isBlank()) {
            throw refused("The token has no '" + claims.organizationClaim() + "' claim naming the organisation.");
        }
        if (keys.stillActive(organization).orElse(null) instanceof KeyCallers.Refused refused) {
            throw refused(refused.reason().replace("Unknown API key: ", "The token's organisation "));
        }
        // Key administration by token is for coordinators; an identity provider's user is not an admin of keys.
        Caller caller = new Caller(organization, roles(jwt.getClaim(claims.rolesClaim())), false, null);
        var authorities = caller.roles().stream()
                .map(role -> new SimpleGrantedAuthority(role.authority()))
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(caller, jwt, authorities);
    }

    /** Unknown role names are ignored: an identity provider may carry roles of other systems. */
    private static Set<Role> roles(Object claim) {
        Collection<?> names = claim instanceof Collection<?> list
                ? list
                : claim instanceof String text ? List.of(text.split("[\\s,|]+")) : List.of();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Object name : names) {
            try {
                roles.add(Role.valueOf(String.valueOf(name).strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException ignored) {
                // not one of ours
            }
        }
        return roles;
    }

    private static OAuth2AuthenticationException refused(String description) {
        return new OAuth2AuthenticationException(new OAuth2Error("invalid_token", description, null), description);
    }
}
