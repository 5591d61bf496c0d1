package org.aidmatch.contracts.catalogue;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import org.aidmatch.contracts.TopicValue;

/**
 * A supply type as the catalogue topic holds it now, keyed by its code: the whole type each time,
 * so that compaction keeps the latest.
 *
 * @param version 1 for the first entry of a code, one more for each change
 * @param changedBy the coordinator's organisation that made this version; "AidMatch" for the seed
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CatalogueEntry(SupplyType type, long version, String changedBy, Instant occurredAt, int schemaVersion)
        implements TopicValue {

    public static final int CURRENT_SCHEMA_VERSION = 1;

    /** Who wrote the entries that come from the catalogue resource. */
    public static final String SEED = "AidMatch";

    @Override
    @JsonIgnore
    public String recordKey() {
        return type.code();
    }

    public CatalogueEntry next(SupplyType changed, String by, Instant at) {
        return new CatalogueEntry(changed, version + 1, by, at, CURRENT_SCHEMA_VERSION);
    }
}
