package org.aidmatch.matching;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.aidmatch.contracts.commands.MatchCommand;
import org.aidmatch.contracts.events.Actor;
import org.aidmatch.contracts.events.AidEvent;
import org.aidmatch.contracts.events.CloseReason;
import org.aidmatch.contracts.events.CommandRefused;
import org.aidmatch.contracts.events.MatchEndReason;
import org.aidmatch.contracts.events.MatchEvent;
import org.aidmatch.contracts.events.MatchMade;
import org.aidmatch.contracts.events.MatchReason;
import org.aidmatch.contracts.events.MatchReason.Trigger;
import org.aidmatch.contracts.events.MatchStatus;
import org.aidmatch.contracts.events.MatchStatusChanged;
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

    static String matchId(Posting request, Posting offer) {
        return id("match", request.id, offer.id);
    }

    static MatchMade matchMade(LiveMatch match, Trigger trigger, String rematchedAfter) {
        Posting request = match.request;
        Posting offer = match.offer;
        String area = matchedArea(offer.serviceArea, request.country);
        AreaLevel level = Regions.levelOf(area);
        int countryCount = Regions.countryCount(area);
        String explanation = explain(request, area, level, countryCount, trigger);
        MatchReason reason = new MatchReason(
                trigger,
                request.urgency,
                level.name(),
                countryCount,
                rematchedAfter,
                rematchedAfter == null ? explanation : "Re-matched after " + rematchedAfter + ". " + explanation);
        return new MatchMade(
                match.id,
                request.id,
                offer.id,
                request.organization,
                offer.organization,
                request.supplyType,
                match.quantity,
                request.country,
                area,
                reason,
                match.status,
                match.status == MatchStatus.PROPOSED ? match.deadline : null,
                request.remaining,
                offer.remaining,
                match.madeAt,
                AidEvent.CURRENT_SCHEMA_VERSION);
    }

    /** A move of a match, with what it released; see {@link MatchStatusChanged}. */
    static MatchStatusChanged statusChanged(
            LiveMatch match,
            MatchStatus previous,
            Actor actor,
            MatchEndReason reason,
            String note,
            Released released,
            long received,
            String commandId,
            Instant now) {
        return new MatchStatusChanged(
                id("match-status", match.id, previous.name(), match.status.name()),
                match.id,
                match.request.id,
                match.offer.id,
                match.request.organization,
                match.offer.organization,
                match.request.supplyType,
                match.request.country,
                previous,
                match.status,
                actor,
                reason,
                note,
                match.quantity,
                match.shipped,
                received,
                match.shipmentReference,
                match.expectedArrival,
                match.status == MatchStatus.DISPATCHED ? match.deadline : null,
                released.requestReturned(),
                released.requestClosed(),
                released.offerReturned(),
                released.offerClosed(),
                match.request.remaining,
                match.offer.remaining,
                commandId,
                now,
                AidEvent.CURRENT_SCHEMA_VERSION);
    }

    static CommandRefused refused(MatchCommand command, MatchStatus status, String problem, Instant now) {
        return new CommandRefused(
                id("command-refused", command.eventId()),
                command.eventId(),
                command.matchId(),
                command.supplyType(),
                status,
                problem,
                now,
                AidEvent.CURRENT_SCHEMA_VERSION);
    }

    /** Closing totals: what is delivered or stands, and what will never be served (the open part included). */
    static MatchEvent closed(Posting item, CloseReason reason, Instant now) {
        long unmatched = item.closed + item.remaining;
        long matched = item.quantity - unmatched;
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
                        unmatched,
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
                        unmatched,
                        now,
                        AidEvent.CURRENT_SCHEMA_VERSION);
        };
    }

    private static String explain(Posting request, String area, AreaLevel level, int countryCount, Trigger trigger) {
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
            case REQUEST_RETURNED ->
                "The " + request.urgency + " request in " + where + due + " drew again on the most specific waiting "
                        + areaText + ".";
            case OFFER_RETURNED ->
                "The returned quantity of an " + areaText + " went first to the most urgent waiting request: "
                        + request.urgency + " in " + where + due + ".";
        };
    }

    private static String id(String... parts) {
        return NameIds.of(parts);
    }
}
