package org.aidmatch.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A requesting organisation needs {@code quantity} units of a supply type delivered to a country.
 *
 * @param country ISO 3166-1 alpha-2, upper case
 * @param neededBy last useful day, inclusive, in UTC; {@code null} when open-ended
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RequestPosted(
        String eventId,
        String requestId,
        String organization,
        String supplyType,
        long quantity,
        String country,
        Urgency urgency,
        LocalDate neededBy,
        String note,
        Instant occurredAt,
        int schemaVersion)
        implements RequestEvent {}
