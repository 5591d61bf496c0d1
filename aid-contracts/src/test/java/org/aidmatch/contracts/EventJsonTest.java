package org.aidmatch.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.aidmatch.contracts.events.AidEvent;
import org.aidmatch.contracts.events.OfferEvent;
import org.aidmatch.contracts.events.OfferPosted;
import org.aidmatch.contracts.events.RequestEvent;
import org.aidmatch.contracts.events.RequestPosted;
import org.aidmatch.contracts.events.Urgency;
import org.aidmatch.contracts.json.EventSerde;
import org.aidmatch.contracts.topics.Topics;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class EventJsonTest {

    private final EventSerde<RequestEvent> requests = new EventSerde<>(RequestEvent.class);

    @Test
    void a_request_survives_the_round_trip_with_its_type_and_iso_dates() {
        RequestPosted posted = new RequestPosted(
                "e-1",
                "r-1",
                "Kenyatta National Hospital",
                "PPE-RESPIRATOR",
                5_000,
                "KE",
                Urgency.CRITICAL,
                LocalDate.parse("2026-12-15"),
                "ICU wards",
                Instant.parse("2026-11-29T10:00:00Z"),
                AidEvent.CURRENT_SCHEMA_VERSION);

        byte[] json = requests.serialize(Topics.REQUESTS.name(), posted);

        assertThat(new String(json))
                .contains(
                        "\"type\":\"RequestPosted\"",
                        "\"neededBy\":\"2026-12-15\"",
                        "\"occurredAt\":\"2026-11-29T10:00:00Z\"");
        assertThat(requests.deserialize(Topics.REQUESTS.name(), json)).isEqualTo(posted);
    }

    @Test
    void a_newer_producer_with_extra_fields_does_not_break_this_consumer() {
        String json = """
                {"type":"OfferPosted","eventId":"e-2","offerId":"o-1","organization":"Silk Road Relief",
                 "supplyType":"DX-PCR-TEST","quantity":100,"serviceArea":["142","KE"],
                 "occurredAt":"2026-11-29T10:00:00Z","schemaVersion":2,"carbonFootprint":{"kg":12}}
                """;

        OfferEvent event = new EventSerde<>(OfferEvent.class).deserialize(Topics.OFFERS.name(), json.getBytes());

        assertThat(event).isInstanceOfSatisfying(OfferPosted.class, offer -> {
            assertThat(offer.serviceArea()).isEqualTo(List.of("142", "KE"));
            assertThat(offer.schemaVersion()).isEqualTo(2);
        });
    }

    @Test
    void garbage_is_a_serialization_error_naming_the_topic() {
        assertThatThrownBy(() -> requests.deserialize("aid.requests.v1", "{not json".getBytes()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("aid.requests.v1");
        assertThatThrownBy(() -> requests.deserialize("aid.requests.v1", "{\"type\":\"Nope\"}".getBytes()))
                .isInstanceOf(SerializationException.class);
    }
}
