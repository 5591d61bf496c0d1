package org.aidmatch.service.onboarding;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.aidmatch.contracts.organisations.Role;

/**
 * A coordinator's decision on an organisation.
 *
 * @param note why; kept in the organisation's record with the coordinator's name and the time
 * @param roles on approval, the roles granted, if not those it asked for
 */
public record DecisionBody(@Size(max = 1000) String note, Set<@NotNull Role> roles) {}
