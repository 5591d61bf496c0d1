package org.aidmatch.matcher.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretSealTest {

    private static final String SECRET = "a-secret-the-donor-chose-2026";

    private final SecretSeal seal = new SecretSeal(randomKey());

    @Test
    void a_sealed_secret_opens_only_for_its_organisation_under_the_same_key_and_unaltered() {
        String sealed = seal.seal("Kyrgyz Red Crescent", SECRET);

        assertThat(sealed).startsWith("v1:").doesNotContain(SECRET);
        assertThat(seal.seal("Kyrgyz Red Crescent", SECRET))
                .as("a fresh nonce each time")
                .isNotEqualTo(sealed);
        assertThat(seal.open("Kyrgyz Red Crescent", sealed)).contains(SECRET);
        assertThat(seal.open("Eurasia Medical Aid", sealed))
                .as("moved to another organisation")
                .isEmpty();
        assertThat(new SecretSeal(randomKey()).open("Kyrgyz Red Crescent", sealed))
                .as("another key")
                .isEmpty();
        String altered = sealed.substring(0, sealed.length() - 4) + (sealed.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThat(seal.open("Kyrgyz Red Crescent", altered)).isEmpty();
        assertThat(new SecretSeal("").open("Kyrgyz Red Crescent", sealed))
                .as("no key here")
                .isEmpty();
    }

    @Test
    void without_a_key_a_secret_is_kept_as_given_and_a_key_of_the_wrong_size_is_refused() {
        SecretSeal none = new SecretSeal(null);
        assertThat(none.seals()).isFalse();
        assertThat(none.seal("Desk", SECRET)).isEqualTo(SECRET);
        assertThat(seal.open("Desk", SECRET)).as("kept before a key was set").contains(SECRET);
        assertThatThrownBy(() -> new SecretSeal(Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("32 bytes");
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
