package org.aidmatch.matching;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.aidmatch.contracts.regions.Regions;

/**
 * The obviously correct book: one list of matchable postings, scanned in full for every decision. It is
 * slow on purpose and serves as the oracle that {@link IndexedMatchingBook} is tested against.
 */
public final class ReferenceMatchingBook extends AbstractMatchingBook {

    /** With {@link BookSettings#DEFAULTS}. */
    public ReferenceMatchingBook() {
        this(BookSettings.DEFAULTS);
    }

    /** @param closedIdHorizon how long a closed id is remembered (rule 7); the rest as by default */
    public ReferenceMatchingBook(Duration closedIdHorizon) {
        this(BookSettings.DEFAULTS.withClosedIdHorizon(closedIdHorizon));
    }

    public ReferenceMatchingBook(BookSettings settings) {
        super(settings);
    }

    private final List<Posting> open = new ArrayList<>();

    @Override
    protected void add(Posting item) {
        open.add(item);
    }

    @Override
    protected void remove(Posting item) {
        open.remove(item);
    }

    @Override
    protected Posting bestRequestFor(Posting offer) {
        Posting best = null;
        for (Posting request : open) {
            if (compatible(request, offer) && (best == null || ranksBefore(request, best))) {
                best = request;
            }
        }
        return best;
    }

    @Override
    protected Posting bestOfferFor(Posting request) {
        Posting best = null;
        for (Posting offer : open) {
            if (compatible(request, offer) && (best == null || servesBetter(offer, best, request.country))) {
                best = offer;
            }
        }
        return best;
    }

    private static boolean compatible(Posting request, Posting offer) {
        if (request.side != Side.REQUEST || offer.side != Side.OFFER) {
            return false;
        }
        if (!request.supplyType.equals(offer.supplyType) || request.remaining <= 0 || offer.remaining <= 0) {
            return false;
        }
        if (request.hasMatched(offer)) {
            return false;
        }
        for (String code : offer.serviceArea) {
            if (Regions.covers(code, request.country)) {
                return true;
            }
        }
        return false;
    }

    /** Rule 2: urgency, then the earlier needed-by date (none last), then arrival. */
    private static boolean ranksBefore(Posting a, Posting b) {
        if (a.urgency != b.urgency) {
            return a.urgency.ordinal() < b.urgency.ordinal();
        }
        return earlierDayThenArrival(a, b);
    }

    /** Rule 3: the more specific covering area, then the earlier available-until date (none last), then arrival. */
    private static boolean servesBetter(Posting a, Posting b, String country) {
        int specificityA = Regions.countryCount(Decisions.matchedArea(a.serviceArea, country));
        int specificityB = Regions.countryCount(Decisions.matchedArea(b.serviceArea, country));
        if (specificityA != specificityB) {
            return specificityA < specificityB;
        }
        return earlierDayThenArrival(a, b);
    }

    /** The earlier last day goes first, an item without one goes last, and arrival breaks ties. */
    private static boolean earlierDayThenArrival(Posting a, Posting b) {
        if (a.lastDay != null && b.lastDay != null && !a.lastDay.equals(b.lastDay)) {
            return a.lastDay.isBefore(b.lastDay);
        }
        if (a.lastDay != null && b.lastDay == null) {
            return true;
        }
        if (a.lastDay == null && b.lastDay != null) {
            return false;
        }
        return a.sequence < b.sequence;
    }
}
