package org.aidmatch.service.security;

import java.util.Set;
import org.aidmatch.contracts.organisations.Role;

/**
 * Who is calling: the organisation every event of this call is written in the name of, and its roles.
 *
 * @param keyAdmin whether the caller may issue and revoke its own organisation's keys
 * @param keyId the directory key the call was made with; {@code null} for a key from the keys file
 *     or a bearer token
 */
public record Caller(String organization, Set<Role> roles, boolean keyAdmin, String keyId) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    /** A caller from the keys file: an operator's key, so it manages its own organisation's keys. */
    public Caller(String organization, Set<Role> roles) {
        this(organization, roles, true, null);
    }

    public boolean is(Role role) {
        return roles.contains(role);
    }

    /** Whether the caller may see or change something owned by {@code owner}. */
    public boolean mayActFor(String owner) {
        return is(Role.COORDINATOR) || organization.equals(owner);
    }

    /** Whether the caller may list, issue and revoke the keys of {@code organisation}. */
    public boolean mayManageKeysOf(String organisation) {
        return is(Role.COORDINATOR) || (keyAdmin && organization.equals(organisation));
    }

    @Override
    public String toString() {
        return organization + " " + roles;
    }
}
