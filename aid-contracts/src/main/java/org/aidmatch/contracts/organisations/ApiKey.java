package org.aidmatch.contracts.organisations;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import org.aidmatch.contracts.TopicValue;

/**
 * An API key of an organisation. The key itself is shown once, to whoever issued it; what is kept
 * is its SHA-256 digest, which lets a service recognise the key and grants nothing to a reader.
 *
 * @param keyId stable id, to list and revoke the key by
 * @param digest SHA-256 of the key, lower-case hex
 * @param prefix the key's first characters, so that its holder can tell which key is which
 * @param admin whether the key may issue and revoke its organisation's keys
 * @param revokedAt when it stopped working; {@code null} while it works
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApiKey(
        String keyId,
        String organisation,
        String digest,
        String prefix,
        String label,
        boolean admin,
        String issuedBy,
        Instant issuedAt,
        String revokedBy,
        Instant revokedAt,
        Instant occurredAt,
        int schemaVersion)
        implements TopicValue {

    public static final int CURRENT_SCHEMA_VERSION = 1;

    @Override
    @JsonIgnore
    public String recordKey() {
        return keyId;
    }

    @JsonIgnore
    public boolean isRevoked() {
        return revokedAt != null;
    }

    public ApiKey revoked(String by, Instant at) {
        return new ApiKey(
                keyId, organisation, digest, prefix, label, admin, issuedBy, issuedAt, by, at, at, schemaVersion);
    }
}
