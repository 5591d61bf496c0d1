package org.aidmatch.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** An event on {@code aid.offers.v1}: what a donor organisation did with one of its offers. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = OfferPosted.class, name = "OfferPosted"),
    @JsonSubTypes.Type(value = OfferWithdrawn.class, name = "OfferWithdrawn")
})
@JsonIgnoreProperties(ignoreUnknown = true)
public sealed interface OfferEvent extends AidEvent permits OfferPosted, OfferWithdrawn {

    String offerId();

    /** The donor organisation that owns the offer; taken from the caller's identity. */
    String organization();
}
