package org.aidmatch.contracts.organisations;

/** Where an organisation stands in the directory. Only an ACTIVE organisation's keys work. */
public enum OrganisationStatus {
    /** Asked to join; waits for a coordinator. */
    PENDING,
    ACTIVE,
    /** Its keys stop working and its open requests and offers are withdrawn; a coordinator may reinstate it. */
    SUSPENDED,
    /** A coordinator turned its application down. */
    REJECTED
}
