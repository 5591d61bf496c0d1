package org.aidmatch.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A donor organisation can give {@code quantity} units of a supply type anywhere in its service area.
 *
 * @param serviceArea ISO 3166-1 alpha-2 countries and UN M49 area codes such as "014" or "001"
 * @param availableUntil last day the offer stands, inclusive, in UTC; {@code null} when open-ended
 * @param autoAccept the donor commits in advance: its matches start ACCEPTED, not PROPOSED
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OfferPosted(
        String eventId,
        String offerId,
        String organization,
        String supplyType,
        long quantity,
        List<String> serviceArea,
        LocalDate availableUntil,
        String note,
        // Offers posted before the lifecycle carry no such field: they wait for the donor's answer.
        @JsonSetter(nulls = Nulls.AS_EMPTY) boolean autoAccept,
        Instant occurredAt,
        int schemaVersion)
        implements OfferEvent {

    public OfferPosted {
        serviceArea = serviceArea == null ? List.of() : List.copyOf(serviceArea);
    }

    /** An offer whose matches wait for the donor's answer. */
    public OfferPosted(
            String eventId,
            String offerId,
            String organization,
            String supplyType,
            long quantity,
            List<String> serviceArea,
            LocalDate availableUntil,
            String note,
            Instant occurredAt,
            int schemaVersion) {
        this(
                eventId,
                offerId,
                organization,
                supplyType,
                quantity,
                serviceArea,
                availableUntil,
                note,
                false,
                occurredAt,
                schemaVersion);
    }
}
