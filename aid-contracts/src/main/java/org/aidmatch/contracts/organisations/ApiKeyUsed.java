package org.aidmatch.contracts.organisations;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import org.aidmatch.contracts.TopicValue;

/**
 * When a key was last used, to within the services' reporting interval. Apart from {@link ApiKey},
 * so that reporting a use can never overwrite a revocation.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApiKeyUsed(String keyId, Instant lastUsedAt) implements TopicValue {

    @Override
    @JsonIgnore
    public String recordKey() {
        return keyId;
    }

    @Override
    public Instant occurredAt() {
        return lastUsedAt;
    }
}
