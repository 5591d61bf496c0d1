package org.aidmatch.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What decided a match, so that a coordinator can see why this pair was made.
 *
 * @param trigger which arrival made the match: a new offer filling waiting requests, or a new request
 *     drawing on waiting offers
 * @param urgency the request's urgency, which ranks requests competing for one offer
 * @param areaLevel how wide the offer area that matched is: COUNTRY, SUBREGION, REGION or WORLD
 * @param areaCountryCount how many countries that area holds (1 for a country); fewer ranks first
 *     among offers competing for one request
 * @param rematchedAfter for a match made with quantity that came back, what released it, for
 *     example "Silk Road Relief Foundation declined: CANNOT_REACH_AREA"; {@code null} otherwise
 * @param explanation the same in a sentence or two, for people
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MatchReason(
        Trigger trigger,
        Urgency urgency,
        String areaLevel,
        int areaCountryCount,
        String rematchedAfter,
        String explanation) {

    public enum Trigger {
        OFFER_ARRIVED,
        REQUEST_ARRIVED,
        /** Quantity came back to a request, which drew again on waiting offers. */
        REQUEST_RETURNED,
        /** Quantity came back to an offer, which filled waiting requests again. */
        OFFER_RETURNED
    }
}
