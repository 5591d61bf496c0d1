package org.aidmatch.matcher.notifications;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;

/**
 * What an organisation wants by email.
 *
 * @param events notification types, such as {@code match.proposed}; empty for no email at all
 * @param language {@code en} or {@code ar}
 */
public record EmailBody(
        @NotNull @Size(max = 20) Set<@NotBlank String> events,
        @NotBlank String language) {}
