package org.aidmatch.contracts.organisations;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.aidmatch.contracts.TopicValue;

/**
 * An organisation as it stands now: the whole record, so that compaction can keep only the latest.
 *
 * @param name the organisation's identity: every event it writes carries it, and the topic is keyed
 *     by it, so it does not change
 * @param country ISO 3166-1 alpha-2, upper case
 * @param approvedBy the coordinator's organisation that approved or registered it
 * @param decisions every step taken on the record, oldest first; at most {@link #DECISIONS_KEPT}
 * @param version 1 for the first record, one more for each change; a change is written only over
 *     the version it was decided on
 * @param occurredAt when this version was written
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Organisation(
        String name,
        String country,
        OrganisationType type,
        String contactEmail,
        Set<Role> roles,
        OrganisationStatus status,
        String approvedBy,
        Instant approvedAt,
        List<OrganisationDecision> decisions,
        long version,
        Instant occurredAt,
        int schemaVersion)
        implements TopicValue {

    public static final int CURRENT_SCHEMA_VERSION = 1;

    /** Enough for years of approvals and suspensions; beyond that the oldest steps go, so a record stays small. */
    public static final int DECISIONS_KEPT = 50;

    public Organisation {
        roles = roles == null || roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
    }

    @Override
    @JsonIgnore
    public String recordKey() {
        return name;
    }

    @JsonIgnore
    public boolean isActive() {
        return status == OrganisationStatus.ACTIVE;
    }

    /** This record after {@code decision}, in {@code status}, with {@code roles}, one version on. */
    public Organisation after(OrganisationDecision decision, OrganisationStatus status, Set<Role> roles) {
        List<OrganisationDecision> steps = new ArrayList<>(decisions);
        steps.add(decision);
        while (steps.size() > DECISIONS_KEPT) {
            steps.remove(0);
        }
        boolean approval = decision.step() == OrganisationDecision.Step.APPROVED
                || decision.step() == OrganisationDecision.Step.REGISTERED;
        return new Organisation(
                name,
                country,
                type,
                contactEmail,
                roles,
                status,
                approval ? decision.by() : approvedBy,
                approval ? decision.at() : approvedAt,
                steps,
                version + 1,
                decision.at(),
                CURRENT_SCHEMA_VERSION);
    }
}
