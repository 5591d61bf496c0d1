package org.aidmatch.matcher.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.aidmatch.contracts.events.CloseReason;
import org.aidmatch.contracts.events.Urgency;
import org.aidmatch.contracts.json.EventSerde;
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
            120,
            "KE",
            List.of(),
            Urgency.CRITICAL,
            LocalDate.of(2026, 12, 24),
            42,
            Instant.parse("2026-11-30T02:41:07.123456789Z"),
            null,
            null);
    private final BookEntry closedOffer = new BookEntry(
            Side.OFFER,
            "off-1",
            null,
            "PPE-MASK-N95",
            300,
            0,
            null,
            List.of("142", "KE", "150"),
            null,
            null,
            43,
            null,
            CloseReason.FULFILLED,
            Instant.parse("2026-11-30T03:00:00.5Z"));

    @Test
    void an_entry_stored_before_closing_times_were_kept_reads_without_one() {
        BookEntry undated = new BookEntry(
                Side.OFFER,
                "off-2",
                null,
                null,
                0,
                0,
                null,
                List.of(),
                null,
                null,
                0,
                null,
                CloseReason.CANCELLED,
                null);
        byte[] current = serde.serialize("t", undated);
        // version 1 was version 2 without the closing time (here its one "absent" byte)
        byte[] version1 = java.util.Arrays.copyOf(current, current.length - 1);
        version1[0] = 1;

        assertThat(serde.deserialize("t", version1)).isEqualTo(undated);
        assertThat(serde.deserialize("t", current)).isEqualTo(undated);
    }

    @Test
    void every_field_survives_the_round_trip_including_nulls() {
        assertThat(serde.deserialize("t", serde.serialize("t", request))).isEqualTo(request);
        assertThat(serde.deserialize("t", serde.serialize("t", closedOffer))).isEqualTo(closedOffer);
    }

    @Test
    void entries_stored_as_json_by_earlier_versions_are_still_read() {
        byte[] json = new EventSerde<>(BookEntry.class).serialize("t", request);
        assertThat(serde.deserialize("t", json)).isEqualTo(request);
    }

    @Test
    void is_much_smaller_than_json() {
        int json = new EventSerde<>(BookEntry.class).serialize("t", request).length;
        assertThat(serde.serialize("t", request).length).isLessThan(json / 2);
    }

    @Test
    void an_unknown_format_is_an_error_not_a_wrong_entry() {
        assertThatThrownBy(() -> serde.deserialize("t", new byte[] {9, 1, 2}))
                .isInstanceOf(SerializationException.class);
        byte[] truncated = java.util.Arrays.copyOf(serde.serialize("t", request), 20);
        assertThatThrownBy(() -> serde.deserialize("t", truncated)).isInstanceOf(SerializationException.class);
    }
}
