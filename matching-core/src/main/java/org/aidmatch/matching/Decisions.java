package org.aidmatch.matching;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.aidmatch.contracts.events.AidEvent;
import org.aidmatch.contracts.events.CloseReason;
import org.aidmatch.contracts.events.MatchEvent;
import org.aidmatch.contracts.events.MatchMade;
import org.aidmatch.contracts.events.MatchReason;
import org.aidmatch.contracts.events.MatchReason.Trigger;
import org.aidmatch.contracts.events.OfferClosed;
import org.aidmatch.contracts.events.RequestClosed;
import org.aidmatch.contracts.regions.AreaLevel;
import org.aidmatch.contracts.regions.Regions;

/** Turns the book's decisions into events, with ids that are the same on every replay. */
final class Decisions {

    private static final Comparator<String> MOST_SPECIFIC_FIRST =
            Comparator.comparingInt(Regions::countryCount).thenComparing(Comparator.naturalOrder());

    private Decisions() {}

    /** The offer's most specific code covering the country (rule 3), the lower code on a tie. */
    static String matchedArea(List<String> serviceArea, String country) {
        return serviceArea.stream()
                .filter(code -> Regions.covers(code, country))
                .min(MOST_SPECIFIC_FIRST)
                .orElseThrow(() -> new IllegalStateException(serviceArea + " does not cover " + country));
    }

    static MatchMade matchMade(OpenItem request, OpenItem offer, long quantity, Trigger trigger, Instant now) {
        String area = matchedArea(offer.serviceArea, request.country);
        AreaLevel level = Regions.levelOf(area);
        int countryCount = Regions.countryCount(area);
        MatchReason reason = new MatchReason(
                trigger,
                request.urgency,
                level.name(),
                countryCount,
                explain(request, area, level, countryCount, trigger));
        return new MatchMade(
                id("match", request.id, offer.id),
                request.id,
                offer.id,
                request.organization,
                offer.organization,
                request.supplyType,
                quantity,
                request.country,
                area,
                reason,
                now,
                AidEvent.CURRENT_SCHEMA_VERSION);
    }

    static MatchEvent closed(OpenItem item, CloseReason reason, Instant now) {
        long matched = item.quantity - item.remaining;
        return switch (item.side) {
            case REQUEST ->
                new RequestClosed(
                        id("request-closed", item.id),
                        item.id,
                        item.organization,
                        item.supplyType,
                        item.country,
                        reason,
                        matched,
                        item.remaining,
                        now,
                        AidEvent.CURRENT_SCHEMA_VERSION);
            case OFFER ->
                new OfferClosed(
                        id("offer-closed", item.id),
                        item.id,
                        item.organization,
                        item.supplyType,
                        reason,
                        matched,
                        item.remaining,
                        now,
                        AidEvent.CURRENT_SCHEMA_VERSION);
        };
    }

    private static String explain(OpenItem request, String area, AreaLevel level, int countryCount, Trigger trigger) {
        String where = Regions.displayName(request.country) + " (" + request.country + ")";
        String areaText = level == AreaLevel.COUNTRY
                ? "offer for " + where + " itself"
                : "offer for " + Regions.displayName(area) + " (" + area + ", " + countryCount + " countries)";
        String due = request.lastDay == null ? "" : ", needed by " + request.lastDay;
        return switch (trigger) {
            case OFFER_ARRIVED ->
                "A new " + areaText + " went first to the most urgent waiting request: " + request.urgency + " in "
                        + where + due + ".";
            case REQUEST_ARRIVED ->
                "A new " + request.urgency + " request in " + where + due + " drew first on the most specific waiting "
                        + areaText + ".";
        };
    }

    private static String id(String... parts) {
        return UUID.nameUUIDFromBytes(String.join(":", parts).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
