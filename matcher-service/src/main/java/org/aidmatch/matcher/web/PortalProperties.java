package org.aidmatch.matcher.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code aidmatch.portal.*}: where the portal's pages, served by the matcher, find the other two
 * services, as the browser reaches them. Empty means this same origin, for a deployment whose
 * reverse proxy routes {@code /api/v1/requests} and {@code /api/v1/offers} to them.
 *
 * @param requestServiceUrl e.g. {@code http://localhost:8081}; that service must list the portal's
 *     origin in {@code aidmatch.security.cors.allowed-origins}
 * @param offerServiceUrl e.g. {@code http://localhost:8082}, likewise
 */
@ConfigurationProperties("aidmatch.portal")
public record PortalProperties(
        @DefaultValue("") String requestServiceUrl,
        @DefaultValue("") String offerServiceUrl) {}
