package org.aidmatch.contracts.catalogue;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One kind of aid that can be requested and offered.
 *
 * @param code stable identifier, the Kafka key of every event about this supply type
 * @param unit what one unit of quantity means, e.g. "piece", "test", "team-week"
 * @param unspsc the UNSPSC commodity code, if known, for the procurement systems that use it
 * @param retired whether it takes no new postings; what is open of it runs to its end
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SupplyType(
        String code, String name, SupplyCategory category, String unit, String unspsc, Boolean retired) {

    /** Missing (as in {@code supply-types.json}) means not retired. */
    public SupplyType {
        retired = Boolean.TRUE.equals(retired);
    }

    /** What a code looks like: capitals, digits and single dashes, as {@code EQ-PULSE-OXIMETER}. */
    public static final String CODE_PATTERN = "^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$";

    public static final int CODE_MAX_LENGTH = 40;

    public SupplyType(String code, String name, SupplyCategory category, String unit) {
        this(code, name, category, unit, null, false);
    }

    public SupplyType renamed(String newName, SupplyCategory newCategory, String newUnit, String newUnspsc) {
        return new SupplyType(code, newName, newCategory, newUnit, newUnspsc, retired);
    }

    public SupplyType asRetired() {
        return new SupplyType(code, name, category, unit, unspsc, true);
    }
}
