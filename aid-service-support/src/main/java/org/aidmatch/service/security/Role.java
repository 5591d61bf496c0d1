package org.aidmatch.service.security;

/** What a caller may do in AidMatch. */
public enum Role {
    /** Posts and cancels its organisation's requests. */
    REQUESTER,
    /** Posts and withdraws its organisation's offers. */
    DONOR,
    /** Reads everything, and may cancel or withdraw anything. */
    COORDINATOR;

    public String authority() {
        return "ROLE_" + name();
    }
}
