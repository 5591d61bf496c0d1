package org.aidmatch.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.time.Instant;

/**
 * The matcher assigned {@code quantity} units of an offer to a request.
 *
 * <p>The event id is the match id. It is derived from the request and offer ids, because one pair
 * can be matched at most once: a fill always uses up the request or the offer.
 *
 * <p>A pair that has matched once never matches again, even when quantity comes back to both
 * sides, so the id names one match for ever.
 *
 * @param matchedArea the code in the offer's service area that contains the request's country
 * @param reason why this pair, and why now
 * @param status PROPOSED, or ACCEPTED when the offer was posted with {@code autoAccept};
 *     {@code null} in matches made before the lifecycle, which count as delivered (their open
 *     fields are then 0 and mean nothing)
 * @param respondBy when a proposal lapses if the donor has not answered; {@code null} once accepted
 * @param requestOpen the request's open quantity right after this match
 * @param offerOpen the offer's open quantity right after this match
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
        MatchStatus status,
        Instant respondBy,
        @JsonSetter(nulls = Nulls.AS_EMPTY) long requestOpen,
        @JsonSetter(nulls = Nulls.AS_EMPTY) long offerOpen,
        Instant occurredAt,
        int schemaVersion)
        implements MatchEvent {

    public String matchId() {
        return eventId;
    }
}
