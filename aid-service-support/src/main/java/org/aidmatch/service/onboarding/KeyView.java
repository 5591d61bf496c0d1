package org.aidmatch.service.onboarding;

import java.time.Instant;
import org.aidmatch.contracts.organisations.ApiKey;
import org.aidmatch.service.directory.Directory;

/**
 * A key as its organisation and coordinators see it: never the key, nor its digest.
 *
 * @param lastUsedAt when it was last used, to within a minute; {@code null} if never
 */
public record KeyView(
        String keyId,
        String organisation,
        String prefix,
        String label,
        boolean admin,
        String issuedBy,
        Instant issuedAt,
        String revokedBy,
        Instant revokedAt,
        Instant lastUsedAt) {

    static KeyView of(ApiKey key, Directory directory) {
        return new KeyView(
                key.keyId(),
                key.organisation(),
                key.prefix(),
                key.label(),
                key.admin(),
                key.issuedBy(),
                key.issuedAt(),
                key.revokedBy(),
                key.revokedAt(),
                directory.lastUsed(key.keyId()).orElse(null));
    }
}
