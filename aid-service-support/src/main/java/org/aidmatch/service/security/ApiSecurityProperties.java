package org.aidmatch.service.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code aidmatch.security.*}.
 *
 * @param apiKeysFile where the API keys CSV is: a file path, or a {@code classpath:} location;
 *     without it no API key is accepted
 */
@ConfigurationProperties("aidmatch.security")
public record ApiSecurityProperties(String apiKeysFile) {}
