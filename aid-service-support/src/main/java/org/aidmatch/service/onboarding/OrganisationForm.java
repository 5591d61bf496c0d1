package org.aidmatch.service.onboarding;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.aidmatch.contracts.organisations.OrganisationType;
import org.aidmatch.contracts.organisations.Role;
import org.aidmatch.service.web.validation.CountryCode;

/**
 * An organisation as it asks to join, or as a coordinator registers it.
 *
 * @param name what every event of the organisation carries, so it does not change later: letters of
 *     any script, digits, spaces and {@code . , ' & ( ) -}
 * @param roles what it will do: REQUESTER, DONOR, or both; only a coordinator may grant COORDINATOR
 * @param note why it wants to join, for the coordinator who decides
 */
public record OrganisationForm(
        @NotBlank
        @Size(min = 2, max = 120)
        @Pattern(regexp = NAME, message = "may hold letters, digits, spaces and . , ' & ( ) - only")
        String name,

        @NotBlank @CountryCode String country,
        @NotNull OrganisationType type,
        @NotBlank @Email @Size(max = 254) String contactEmail,
        @NotEmpty Set<@NotNull Role> roles,
        @Size(max = 1000) String note) {

    public static final String NAME = "^[\\p{L}\\p{M}\\p{N}][\\p{L}\\p{M}\\p{N} .,'&()\\-]*$";
}
