package org.aidmatch.matcher.view;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.aidmatch.contracts.regions.Regions;

/**
 * The gap rows, kept up to date as events arrive, so that reading them scans no request or offer.
 *
 * <p>Each request and offer contributes to the rows: a request to the row of its supply type and
 * country, an offer to the open-offered sum of every row of its supply type whose country its area
 * covers. When an item changes, its old contribution is taken out and its new one put in, so an
 * event costs work in proportion to the rows it changes (for an offer, the rows of its supply type;
 * at most one per country). A new row (a first request for a supply type in a country) adds what
 * the open offers of that supply type give it, once.
 *
 * <p>Not thread-safe: {@link CoordinatorView} calls it under its lock.
 */
final class GapRows {

    private final Function<String, String> supplyNames;

    GapRows(Function<String, String> supplyNames) {
        this.supplyNames = supplyNames;
    }

    /** A request or offer, reduced to what the gaps need; fields stay unknown until its posting is read. */
    static final class Item {
        String supplyType;
        String organization;
        String country;
        List<String> serviceArea = List.of();
        long quantity;
        /** The open quantity the matcher last reported; null until a match of the lifecycle says. */
        Long reportedOpen;
        /** What matches made before the lifecycle took, which count as delivered. */
        long matchedBeforeTheLifecycle;

        long proposed;
        long committed;
        long dispatched;
        long delivered;
        boolean closed;

        boolean posted() {
            return supplyType != null;
        }

        long open() {
            if (!posted() || closed) {
                return 0;
            }
            return reportedOpen != null ? reportedOpen : Math.max(0, quantity - matchedBeforeTheLifecycle);
        }
    }

    private static final class Row {
        long requested;
        long proposed;
        long committed;
        long dispatched;
        long delivered;
        long unmet;
        long openOffered;
    }

    private final Map<String, Map<String, Row>> rowsBySupplyAndCountry = new HashMap<>();
    private final Map<String, Set<Item>> openOffersBySupply = new HashMap<>();
    private final Map<String, long[]> openBySupply = new HashMap<>();

    /** Takes a request's contribution out before it changes. */
    void beforeRequestChange(Item request) {
        addRequest(request, -1);
    }

    /** Puts a request's contribution back in after it changed. */
    void afterRequestChange(Item request) {
        addRequest(request, +1);
    }

    void beforeOfferChange(Item offer) {
        addOffer(offer, -1);
    }

    void afterOfferChange(Item offer) {
        addOffer(offer, +1);
    }

    /** What open requests (or, with {@code offered}, open offers) of a supply type still hold. */
    long openQuantity(String supplyType, boolean offered) {
        long[] open = openBySupply.get(supplyType);
        return open == null ? 0 : open[offered ? 1 : 0];
    }

    /** Every row, the largest gap first, then by supply type and country. */
    List<GapRow> rows() {
        List<GapRow> rows = new ArrayList<>();
        rowsBySupplyAndCountry.forEach((supplyType, byCountry) -> {
            String supplyName = supplyNames.apply(supplyType);
            byCountry.forEach((country, row) -> rows.add(new GapRow(
                    supplyType,
                    supplyName,
                    country,
                    Regions.displayName(country),
                    row.requested,
                    row.proposed + row.committed + row.dispatched + row.delivered,
                    row.proposed,
                    row.committed,
                    row.dispatched,
                    row.delivered,
                    row.unmet,
                    row.openOffered)));
        });
        rows.sort(Comparator.comparingLong(GapRow::unmet)
                .reversed()
                .thenComparing(GapRow::supplyType)
                .thenComparing(GapRow::country));
        return rows;
    }

    private void addRequest(Item request, int sign) {
        if (!request.posted()) {
            return;
        }
        Row row = rowsBySupplyAndCountry
                .computeIfAbsent(request.supplyType, type -> new HashMap<>())
                .computeIfAbsent(request.country, country -> newRow(request.supplyType, country));
        row.requested += sign * request.quantity;
        row.proposed += sign * request.proposed;
        row.committed += sign * request.committed;
        row.dispatched += sign * request.dispatched;
        row.delivered += sign * request.delivered;
        row.unmet += sign * request.open();
        open(request.supplyType)[0] += sign * request.open();
    }

    private void addOffer(Item offer, int sign) {
        long open = offer.open();
        if (open == 0) {
            return;
        }
        open(offer.supplyType)[1] += sign * open;
        Set<Item> offers = openOffersBySupply.computeIfAbsent(offer.supplyType, type -> new LinkedHashSet<>());
        if (sign < 0) {
            offers.remove(offer);
        } else {
            offers.add(offer);
        }
        rowsBySupplyAndCountry.getOrDefault(offer.supplyType, Map.of()).forEach((country, row) -> {
            if (covers(offer, country)) {
                row.openOffered += sign * open;
            }
        });
    }

    private Row newRow(String supplyType, String country) {
        Row row = new Row();
        for (Item offer : openOffersBySupply.getOrDefault(supplyType, Set.of())) {
            if (covers(offer, country)) {
                row.openOffered += offer.open();
            }
        }
        return row;
    }

    private long[] open(String supplyType) {
        return openBySupply.computeIfAbsent(supplyType, type -> new long[2]);
    }

    private static boolean covers(Item offer, String country) {
        return offer.serviceArea.stream().anyMatch(code -> Regions.covers(code, country));
    }
}
