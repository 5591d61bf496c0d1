package org.aidmatch.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NameIdsTest {

    /** Ids already on the topics were made by nameUUIDFromBytes; a replay must make them again. */
    @Test
    void gives_the_ids_nameUUIDFromBytes_gave_for_the_joined_parts() {
        Random random = new Random(15);
        String[][] samples = {
            {"match", "req-1", "off-1"},
            {"request-closed", "طلب-٤٢"},
            {"match-status", "0f1e", "PROPOSED", "ACCEPTED"},
            {"command-refused", ""},
        };
        for (String[] parts : samples) {
            assertThat(NameIds.of(parts)).isEqualTo(expected(parts));
        }
        for (int i = 0; i < 1_000; i++) {
            String[] parts = {"match", Long.toString(random.nextLong(), 36), "o" + random.nextInt()};
            assertThat(NameIds.of(parts)).isEqualTo(expected(parts));
        }
    }

    private static String expected(String... parts) {
        return UUID.nameUUIDFromBytes(String.join(":", parts).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
