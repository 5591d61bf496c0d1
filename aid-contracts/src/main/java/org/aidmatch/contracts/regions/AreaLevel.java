package org.aidmatch.contracts.regions;

/** How wide a service area is, from a single country up to the whole world. */
public enum AreaLevel {
    COUNTRY,
    /** A UN M49 sub-region or intermediate region, e.g. 014 Eastern Africa or 419 Latin America. */
    SUBREGION,
    /** A UN M49 continental region, e.g. 142 Asia. */
    REGION,
    /** 001, the world. */
    WORLD
}
