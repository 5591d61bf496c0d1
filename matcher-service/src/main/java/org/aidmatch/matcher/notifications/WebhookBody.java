package org.aidmatch.matcher.notifications;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A webhook as an organisation registers it.
 *
 * @param secret what AidMatch signs each delivery with; at least 24 characters, chosen by the
 *     organisation and kept by it to check signatures
 */
public record WebhookBody(
        @NotBlank @Size(max = 2000) String url,
        @NotBlank @Size(min = 24, max = 200) String secret) {}
