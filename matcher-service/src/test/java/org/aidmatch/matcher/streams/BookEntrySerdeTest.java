package org.aidmatch.matcher.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.aidmatch.contracts.events.CloseReason;
import org.aidmatch.contracts.events.Urgency;
import org.aidmatch.matching.Balance;
import org.aidmatch.matching.BookEntry;
import org.aidmatch.matching.Side;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class BookEntrySerdeTest {

    private final BookEntrySerde serde = new BookEntrySerde();

    private final BookEntry request = new BookEntry(
            Side.REQUEST,
            "req-1",
            "Kenyatta National Hospital ✚",
            "PPE-MASK-N95",
            500,
            new Balance(120, 100, 80, 60, 40, 100),
            "KE",
            List.of(),
            Urgency.CRITICAL,
            LocalDate.of(2026, 12, 24),
            42,
            Instant.parse("2026-11-30T02:41:07.123456789Z"),
            false,
            List.of("off-1", "off-2"),
            null,
            null,
            false);
    private final BookEntry closedOfferWithMatchesStanding = new BookEntry(
            Side.OFFER,
            "off-1",
            "Silk Road Relief",
            "PPE-MASK-N95",
            300,
            new Balance(0, 0, 0, 100, 150, 50),
            null,
            List.of("142", "KE", "150"),
            null,
            null,
            43,
            Instant.parse("2026-11-30T01:00:00Z"),
            true,
            List.of("req-1"),
            CloseReason.CANCELLED,
            Instant.parse("2026-11-30T03:00:00.5Z"),
            false);
    private final BookEntry settled =
            BookEntry.settled(Side.OFFER, "off-2", CloseReason.FULFILLED, Instant.parse("2026-11-30T04:00:00Z"));

    @Test
    void every_field_survives_the_round_trip_including_nulls() {
        for (BookEntry entry : List.of(request, closedOfferWithMatchesStanding, settled)) {
            assertThat(serde.deserialize("t", serde.serialize("t", entry))).isEqualTo(entry);
        }
    }

    @Test
    void an_entry_stored_before_the_lifecycle_counts_what_it_matched_as_delivered() throws IOException {
        byte[] version2 = olderFormat(2, "req-9", 500, 120, null);
        byte[] version1 = olderFormat(1, "req-9", 500, 120, null);

        for (byte[] older : List.of(version1, version2)) {
            BookEntry read = serde.deserialize("t", older);
            assertThat(read.balance()).isEqualTo(new Balance(120, 0, 0, 0, 380, 0));
            assertThat(read.isOpen()).isTrue();
            assertThat(read.settled()).isFalse();
            assertThat(read.partners()).isEmpty();
        }
        BookEntry closed = serde.deserialize("t", olderFormat(2, "off-9", 0, 0, CloseReason.CANCELLED));
        assertThat(closed.settled())
                .as("an older closed entry was only ever a closed id")
                .isTrue();
    }

    @Test
    void entries_stored_as_json_by_earlier_versions_are_still_read() {
        byte[] json =
                ("{\"side\":\"REQUEST\",\"id\":\"req-1\",\"organization\":\"KNH\",\"supplyType\":\"PPE-MASK-N95\","
                                + "\"quantity\":500,\"remaining\":120,\"country\":\"KE\",\"serviceArea\":[],"
                                + "\"urgency\":\"CRITICAL\",\"lastDay\":\"2026-12-24\",\"sequence\":42,"
                                + "\"postedAt\":\"2026-11-30T02:41:07Z\",\"closedAs\":null}")
                        .getBytes(StandardCharsets.UTF_8);

        BookEntry read = serde.deserialize("t", json);

        assertThat(read.id()).isEqualTo("req-1");
        assertThat(read.balance()).isEqualTo(new Balance(120, 0, 0, 0, 380, 0));
        assertThat(read.urgency()).isEqualTo(Urgency.CRITICAL);
    }

    @Test
    void an_unknown_format_is_an_error_not_a_wrong_entry() {
        assertThatThrownBy(() -> serde.deserialize("t", new byte[] {9, 1, 2}))
                .isInstanceOf(SerializationException.class);
        byte[] truncated = java.util.Arrays.copyOf(serde.serialize("t", request), 20);
        assertThatThrownBy(() -> serde.deserialize("t", truncated)).isInstanceOf(SerializationException.class);
    }

    /** An entry as versions 1 and 2 wrote it: the open quantity where the balance is now. */
    private static byte[] olderFormat(int version, String id, long quantity, long remaining, CloseReason closedAs)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(version);
            out.writeUTF(id.startsWith("req") ? "REQUEST" : "OFFER");
            nullable(out, id);
            nullable(out, closedAs == null ? "KNH" : null);
            nullable(out, closedAs == null ? "PPE-MASK-N95" : null);
            out.writeLong(quantity);
            out.writeLong(remaining);
            nullable(out, closedAs == null ? "KE" : null);
            out.writeShort(0);
            nullable(out, closedAs == null ? "HIGH" : null);
            out.writeBoolean(false);
            out.writeLong(7);
            out.writeBoolean(false);
            nullable(out, closedAs == null ? null : closedAs.name());
            if (version == 2) {
                out.writeBoolean(false);
            }
        }
        return bytes.toByteArray();
    }

    private static void nullable(DataOutputStream out, String text) throws IOException {
        out.writeBoolean(text != null);
        if (text != null) {
            out.writeUTF(text);
        }
    }
}
