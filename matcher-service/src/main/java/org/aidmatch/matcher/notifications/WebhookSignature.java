package org.aidmatch.matcher.notifications;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a delivery, as in {@code AidMatch-Signature: t=1764748800,v1=5257a8…}: HMAC-SHA256,
 * keyed by the organisation's secret, over the timestamp, a full stop and the body exactly as sent.
 * A receiver recomputes it, compares in constant time, and refuses a timestamp too far from its
 * clock, so that a captured delivery cannot be replayed later.
 */
public final class WebhookSignature {

    public static final String HEADER = "AidMatch-Signature";

    private WebhookSignature() {}

    public static String header(String secret, long timestampSeconds, byte[] body) {
        return "t=" + timestampSeconds + ",v1=" + hmac(secret, timestampSeconds, body);
    }

    public static String hmac(String secret, long timestampSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is missing from this JVM", e);
        }
    }
}
