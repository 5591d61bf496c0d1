package org.aidmatch.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** An event on {@code aid.matches.v1}: a decision of the matcher. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = MatchMade.class, name = "MatchMade"),
    @JsonSubTypes.Type(value = RequestClosed.class, name = "RequestClosed"),
    @JsonSubTypes.Type(value = OfferClosed.class, name = "OfferClosed"),
    @JsonSubTypes.Type(value = MatchStatusChanged.class, name = "MatchStatusChanged"),
    @JsonSubTypes.Type(value = CommandRefused.class, name = "CommandRefused")
})
@JsonIgnoreProperties(ignoreUnknown = true)
public sealed interface MatchEvent extends AidEvent
        permits MatchMade, RequestClosed, OfferClosed, MatchStatusChanged, CommandRefused {}
