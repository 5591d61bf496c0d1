package org.aidmatch.contracts.catalogue;

/** The families of supply types. Services are supply types too: the network shares help, not only goods. */
public enum SupplyCategory {
    PPE,
    DIAGNOSTICS,
    EQUIPMENT,
    HYGIENE,
    SERVICES,
    /** Oxygen and what delivers it to a patient, from the WHO COVID-19 essential supplies list. */
    OXYGEN,
    /** Medicines of the WHO COVID-19 essential supplies list and clinical guidance. */
    MEDICINES
}
