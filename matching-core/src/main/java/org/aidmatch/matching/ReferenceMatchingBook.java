package org.aidmatch.matching;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.aidmatch.contracts.regions.Regions;

/**
 * The obviously correct book: one list of open items, scanned in full for every decision. It is
 * slow on purpose and serves as the oracle that {@link IndexedMatchingBook} is tested against.
 */
public final class ReferenceMatchingBook extends AbstractMatchingBook {

    /** With the default horizon of {@link MatchingBook#DEFAULT_CLOSED_ID_HORIZON}. */
    public ReferenceMatchingBook() {
        this(DEFAULT_CLOSED_ID_HORIZON);
    }

    /** @param closedIdHorizon how long a closed id is remembered (rule 7) */
    public ReferenceMatchingBook(Duration closedIdHorizon) {
        super(closedIdHorizon);
    }

    private final List<OpenItem> open = new ArrayList<>();

    @Override
    protected void add(OpenItem item) {
        open.add(item);
    }

    @Override
    protected void remove(OpenItem item) {
        open.remove(item);
    }

    @Override
    protected OpenItem findOpen(Side side, String id) {
        for (OpenItem item : open) {
            if (item.side == side && item.id.equals(id)) {
                return item;
            }
        }
        return null;
    }

    @Override
    protected OpenItem bestRequestFor(OpenItem offer) {
        OpenItem best = null;
        for (OpenItem request : open) {
            if (compatible(request, offer) && (best == null || ranksBefore(request, best))) {
                best = request;
            }
        }
        return best;
    }

    @Override
    protected OpenItem bestOfferFor(OpenItem request) {
        OpenItem best = null;
        for (OpenItem offer : open) {
            if (compatible(request, offer) && (best == null || servesBetter(offer, best, request.country))) {
                best = offer;
            }
        }
        return best;
    }

    @Override
    protected List<OpenItem> expiredBefore(LocalDate today) {
        List<OpenItem> expired = new ArrayList<>();
        for (OpenItem item : open) {
            if (item.isExpiredOn(today)) {
                expired.add(item);
            }
        }
        expired.sort(Comparator.<OpenItem, LocalDate>comparing(item -> item.lastDay)
                .thenComparingLong(item -> item.sequence));
        return expired;
    }

    @Override
    protected List<OpenItem> openInArrivalOrder() {
        return List.copyOf(open);
    }

    private static boolean compatible(OpenItem request, OpenItem offer) {
        if (request.side != Side.REQUEST || offer.side != Side.OFFER) {
            return false;
        }
        if (!request.supplyType.equals(offer.supplyType) || request.remaining <= 0 || offer.remaining <= 0) {
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
    private static boolean ranksBefore(OpenItem a, OpenItem b) {
        if (a.urgency != b.urgency) {
            return a.urgency.ordinal() < b.urgency.ordinal();
        }
        return earlierDayThenArrival(a, b);
    }

    /** Rule 3: the more specific covering area, then the earlier available-until date (none last), then arrival. */
    private static boolean servesBetter(OpenItem a, OpenItem b, String country) {
        int specificityA = Regions.countryCount(Decisions.matchedArea(a.serviceArea, country));
        int specificityB = Regions.countryCount(Decisions.matchedArea(b.serviceArea, country));
        if (specificityA != specificityB) {
            return specificityA < specificityB;
        }
        return earlierDayThenArrival(a, b);
    }

    /** The earlier last day goes first, an item without one goes last, and arrival breaks ties. */
    private static boolean earlierDayThenArrival(OpenItem a, OpenItem b) {
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
