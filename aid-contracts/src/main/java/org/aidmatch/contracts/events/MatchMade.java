package org.aidmatch.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * The matcher assigned {@code quantity} units of an offer to a request.
 *
 * <p>The event id is the match id. It is derived from the request and offer ids, because one pair
 * can be matched at most once: a fill always uses up the request or the offer.
 *
 * @param matchedArea the code in the offer's service area that contains the request's country
 * @param reason why this pair, and why now
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MatchMade(
        String eventId,
        String requestId,
        String offerId,
        String requesterOrganization,
        String donorOrganization,
        String supplyType,
        long quantity,
        String country,
        String matchedArea,
        MatchReason reason,
        Instant occurredAt,
        int schemaVersion)
        implements MatchEvent {

    public String matchId() {
        return eventId;
    }
}
