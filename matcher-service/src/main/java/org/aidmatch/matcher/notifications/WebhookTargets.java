package org.aidmatch.matcher.notifications;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which URLs AidMatch will POST to, so that a webhook cannot make it reach into its own network
 * (SSRF): https only, to a host whose every address is public; loopback, private, link-local,
 * multicast and unspecified addresses are refused, and so is plain http, unless the host is on the
 * allow-list. Checked when a webhook is registered and again before every delivery, since a name
 * can be pointed elsewhere later. Deliveries do not follow redirects.
 */
final class WebhookTargets {

    private final List<String> allowedHosts;

    WebhookTargets(List<String> allowedHosts) {
        this.allowedHosts =
                allowedHosts.stream().map(host -> host.toLowerCase(Locale.ROOT)).toList();
    }

    /** Why AidMatch will not POST to this URL, if it will not. */
    Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a URL");
        }
        String host = uri.getHost();
        if (!uri.isAbsolute() || host == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            return Optional.of("must be an absolute http(s) URL with a host, and no user or fragment");
        }
        boolean allowed = allowedHosts.contains(host.toLowerCase(Locale.ROOT).replaceAll("^\\[|]$", ""));
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowed && scheme.equals("http"))) {
            return Optional.of("must use https");
        }
        if (allowed) {
            return Optional.empty();
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!isPublic(address)) {
                    return Optional.of(
                            "names a host that is not on the public internet (" + address.getHostAddress() + ")");
                }
            }
        } catch (UnknownHostException e) {
            return Optional.of("names a host that does not resolve");
        }
        return Optional.empty();
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isAnyLocalAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] raw = address.getAddress();
        if (raw.length == 4) {
            int first = raw[0] & 0xff;
            int second = raw[1] & 0xff;
            // 100.64/10 (carrier-grade NAT), 0/8, and 198.18/15 (benchmarking) are not the public internet either
            return !(first == 0
                    || (first == 100 && second >= 64 && second < 128)
                    || (first == 198 && (second == 18 || second == 19)));
        }
        // IPv6 unique local addresses, fc00::/7
        return (raw[0] & 0xfe) != 0xfc;
    }
}
