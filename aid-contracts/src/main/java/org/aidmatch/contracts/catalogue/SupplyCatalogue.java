package org.aidmatch.contracts.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aidmatch.contracts.json.EventJson;
import tools.jackson.core.type.TypeReference;

/** The supply types AidMatch knows, read from {@code supply-types.json} beside this class. */
public final class SupplyCatalogue {

    private static final SupplyCatalogue STANDARD = load("supply-types.json");

    private final Map<String, SupplyType> byCode;
    private final List<SupplyType> ordered;

    private SupplyCatalogue(List<SupplyType> types) {
        Map<String, SupplyType> map = new LinkedHashMap<>();
        for (SupplyType type : types) {
            if (map.put(type.code(), type) != null) {
                throw new IllegalStateException("supply type " + type.code() + " is listed twice");
            }
        }
        this.byCode = Map.copyOf(map);
        this.ordered = List.copyOf(types);
    }

    public static SupplyCatalogue standard() {
        return STANDARD;
    }

    public Optional<SupplyType> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code));
    }

    public boolean contains(String code) {
        return code != null && byCode.containsKey(code);
    }

    /** All supply types, in catalogue order. */
    public Collection<SupplyType> all() {
        return ordered;
    }

    private static SupplyCatalogue load(String resource) {
        try (InputStream in = SupplyCatalogue.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing catalogue resource " + resource);
            }
            return new SupplyCatalogue(EventJson.mapper().readValue(in, new TypeReference<List<SupplyType>>() {}));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
