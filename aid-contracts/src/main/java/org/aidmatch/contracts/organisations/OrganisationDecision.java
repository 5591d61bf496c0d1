package org.aidmatch.contracts.organisations;

import java.time.Instant;

/**
 * One step in an organisation's record, with who took it and when.
 *
 * @param by the acting organisation, or {@code null} for an organisation that asked to join
 * @param note what the coordinator wrote, if anything
 */
public record OrganisationDecision(Step step, String by, Instant at, String note) {

    public enum Step {
        APPLIED,
        REGISTERED,
        APPROVED,
        REJECTED,
        SUSPENDED,
        REINSTATED
    }
}
