package org.aidmatch.contracts.catalogue;

/** The families of supply types. Services are supply types too: the network shares help, not only goods. */
public enum SupplyCategory {
    PPE,
    DIAGNOSTICS,
    EQUIPMENT,
    HYGIENE,
    SERVICES
}
