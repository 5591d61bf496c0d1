package org.aidmatch.contracts.organisations;

/** What an organisation may do in AidMatch. */
public enum Role {
    /** Posts and cancels its organisation's requests. */
    REQUESTER,
    /** Posts and withdraws its organisation's offers. */
    DONOR,
    /** Reads everything, may cancel or withdraw anything, and runs the directory and the catalogue. */
    COORDINATOR;

    /** The authority Spring Security checks for this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
