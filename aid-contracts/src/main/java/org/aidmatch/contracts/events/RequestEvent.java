package org.aidmatch.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** An event on {@code aid.requests.v1}: what a requesting organisation did with one of its requests. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = RequestPosted.class, name = "RequestPosted"),
    @JsonSubTypes.Type(value = RequestCancelled.class, name = "RequestCancelled")
})
@JsonIgnoreProperties(ignoreUnknown = true)
public sealed interface RequestEvent extends AidEvent permits RequestPosted, RequestCancelled {

    String requestId();

    /** The organisation that owns the request; taken from the caller's identity, never from a body. */
    String organization();
}
