package org.aidmatch.service.security;

import java.util.Set;

/** Who is calling: the organisation every event of this call is written in the name of, and its roles. */
public record Caller(String organization, Set<Role> roles) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean is(Role role) {
        return roles.contains(role);
    }

    /** Whether the caller may see or change something owned by {@code owner}. */
    public boolean mayActFor(String owner) {
        return is(Role.COORDINATOR) || organization.equals(owner);
    }

    @Override
    public String toString() {
        return organization + " " + roles;
    }
}
