package org.aidmatch.matcher.notifications;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code aidmatch.notifications.*}.
 *
 * @param enabled whether this instance takes part in the notifier's consumer groups
 * @param allowedHosts hosts a webhook may name although they are not public https hosts: loopback,
 *     private addresses, plain http (tests and closed networks); empty admits none
 * @param retryFor how long a delivery is retried before it fails for good
 * @param firstPause the pause after a first failure; each further one doubles it, up to {@code longestPause}
 * @param timeout how long a receiver may take to answer
 * @param email how notifications are emailed
 * @param secretKey the key webhook secrets are sealed with on their topic: Base64 of 32 random
 *     bytes ({@code openssl rand -base64 32}), the same on every matcher instance; without it
 *     they are kept as given
 */
@ConfigurationProperties("aidmatch.notifications")
public record NotificationProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue List<String> allowedHosts,
        @DefaultValue("24h") Duration retryFor,
        @DefaultValue("1s") Duration firstPause,
        @DefaultValue("1h") Duration longestPause,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue Email email,
        String secretKey) {

    /**
     * Emails go out through {@code spring.mail.*} (host, port, username, password, properties);
     * without {@code spring.mail.host} none are sent.
     *
     * @param from the sender, such as {@code AidMatch <no-reply@aidmatch.example>}
     * @param gatherFor how long an organisation's notifications are gathered into one email
     * @param portalUrl the portal's address as recipients reach it, for the link in each email
     */
    public record Email(
            @DefaultValue("AidMatch <no-reply@aidmatch.invalid>")
            String from,

            @DefaultValue("2m") Duration gatherFor,
            @DefaultValue("http://localhost:8080/") String portalUrl) {}

    public NotificationProperties {
        allowedHosts = allowedHosts.stream()
                .filter(host -> !host.isBlank())
                .map(String::strip)
                .toList();
    }
}
