package org.aidmatch.service.onboarding;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.aidmatch.service.security.ApiKeys;

/**
 * A freshly made API key: {@code am_} and 32 random bytes, URL-safe, so 256 bits that cannot be
 * guessed; its id and the prefix it is listed by are not secret.
 */
public record NewKey(String key, String keyId, String prefix, String digest) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int PREFIX_LENGTH = 10;

    public static NewKey generate() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String key = "am_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        byte[] id = new byte[8];
        RANDOM.nextBytes(id);
        return new NewKey(
                key, "key-" + HexFormat.of().formatHex(id), key.substring(0, PREFIX_LENGTH), ApiKeys.sha256(key));
    }
}
