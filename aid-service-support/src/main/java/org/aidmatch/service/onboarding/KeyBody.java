package org.aidmatch.service.onboarding;

import jakarta.validation.constraints.Size;

/**
 * A key to issue.
 *
 * @param label what the key is for, such as "warehouse laptop"
 * @param admin whether the key may issue and revoke its organisation's keys; not, if left out
 */
public record KeyBody(@Size(max = 80) String label, Boolean admin) {

    public boolean isAdmin() {
        return Boolean.TRUE.equals(admin);
    }
}
