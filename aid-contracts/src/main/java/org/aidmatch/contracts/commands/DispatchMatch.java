package org.aidmatch.contracts.commands;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;
import org.aidmatch.contracts.events.Actor;

/**
 * The donor shipped {@code quantity} of an accepted match, at most its matched quantity.
 *
 * @param shipmentReference a waybill or tracking number; optional
 * @param expectedArrival optional
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DispatchMatch(
        String eventId,
        String matchId,
        String supplyType,
        Actor actor,
        long quantity,
        String shipmentReference,
        LocalDate expectedArrival,
        Instant occurredAt,
        int schemaVersion)
        implements MatchCommand {}
