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
 * @param explanation the same in one sentence, for people
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MatchReason(
        Trigger trigger, Urgency urgency, String areaLevel, int areaCountryCount, String explanation) {

    public enum Trigger {
        OFFER_ARRIVED,
        REQUEST_ARRIVED
    }
}
