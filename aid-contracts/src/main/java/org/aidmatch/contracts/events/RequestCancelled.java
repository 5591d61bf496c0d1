package org.aidmatch.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * The remaining quantity of a request is no longer needed. Matches already made stand.
 *
 * @param organization the owner of the request
 * @param cancelledBy who cancelled it: the owner, or a coordinator's organisation
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RequestCancelled(
        String eventId,
        String requestId,
        String organization,
        String supplyType,
        String cancelledBy,
        Instant occurredAt,
        int schemaVersion)
        implements RequestEvent {}
