package org.aidmatch.contracts.catalogue;

/**
 * One kind of aid that can be requested and offered.
 *
 * @param code stable identifier, the Kafka key of every event about this supply type
 * @param unit what one unit of quantity means, e.g. "piece", "test", "team-week"
 */
public record SupplyType(String code, String name, SupplyCategory category, String unit) {}
