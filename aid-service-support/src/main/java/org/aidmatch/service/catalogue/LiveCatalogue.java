package org.aidmatch.service.catalogue;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.aidmatch.contracts.TopicValue;
import org.aidmatch.contracts.catalogue.CatalogueEntry;
import org.aidmatch.contracts.catalogue.SupplyCatalogue;
import org.aidmatch.contracts.catalogue.SupplyType;

/**
 * The supply catalogue as it stands: the seed of {@code supply-types.json}, with what the catalogue
 * topic holds over it, folded in every instance so that a type added anywhere can be posted
 * everywhere within moments. A code, once known, stays known: types are retired, never removed,
 * so the matcher decides a replay as it decided the first time.
 */
public final class LiveCatalogue {

    private final Map<String, CatalogueEntry> byCode = new ConcurrentHashMap<>();
    private final Map<String, Integer> seedOrder = new HashMap<>();
    private final List<Consumer<SupplyType>> listeners = new CopyOnWriteArrayList<>();
    private volatile Runnable catchUp = () -> {};

    public LiveCatalogue() {
        int index = 0;
        for (SupplyType type : SupplyCatalogue.standard().all()) {
            // version 0: the seed the matcher writes to the topic as version 1 supersedes it, as does any change
            byCode.put(type.code(), new CatalogueEntry(type, 0, CatalogueEntry.SEED, Instant.EPOCH, 1));
            seedOrder.put(type.code(), index++);
        }
    }

    /** Applies one record of the catalogue topic; an older version never replaces a newer one. */
    public void apply(TopicValue record) {
        if (record instanceof CatalogueEntry entry) {
            CatalogueEntry kept =
                    byCode.merge(entry.type().code(), entry, (old, now) -> now.version() >= old.version() ? now : old);
            if (kept == entry) {
                listeners.forEach(listener -> listener.accept(entry.type()));
            }
        }
    }

    /** Told of every type added or changed, for instance to register its gauges. */
    public void onChange(Consumer<SupplyType> listener) {
        listeners.add(listener);
    }

    /** What to run when a code is not known yet: waits, bounded, for the catalogue topic. */
    void catchUpWith(Runnable catchUp) {
        this.catchUp = catchUp;
    }

    public Optional<SupplyType> find(String code) {
        return entry(code).map(CatalogueEntry::type);
    }

    public Optional<CatalogueEntry> entry(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code));
    }

    /**
     * Whether the code is a supply type, retired or not, after catching up with the topic if it is
     * not known here yet (a type added a moment ago elsewhere).
     */
    public boolean knows(String code) {
        if (code == null) {
            return false;
        }
        if (!byCode.containsKey(code)) {
            catchUp.run();
        }
        return byCode.containsKey(code);
    }

    /** Why a new posting of this code is refused, if it is. */
    public Optional<String> refusalOfNewPosting(String code) {
        if (!knows(code)) {
            return Optional.of("is not a supply type of the catalogue (see GET /api/v1/supply-types)");
        }
        return find(code).filter(SupplyType::retired).map(type -> "is retired: it takes no new postings");
    }

    /** Every type, retired ones too, by category, then in the seed's order, then by name. */
    public List<SupplyType> all() {
        return byCode.values().stream()
                .map(CatalogueEntry::type)
                .sorted(Comparator.comparing(SupplyType::category)
                        .thenComparing(type -> seedOrder.getOrDefault(type.code(), Integer.MAX_VALUE))
                        .thenComparing(SupplyType::name))
                .toList();
    }

    /** The name of a code for people; the code itself for one unknown. */
    public String nameOf(String code) {
        return find(code).map(SupplyType::name).orElse(code);
    }
}
