package org.aidmatch.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.aidmatch.contracts.events.AidEvent;
import org.aidmatch.contracts.events.OfferPosted;
import org.aidmatch.contracts.events.RequestPosted;
import org.aidmatch.contracts.events.Urgency;

/** Events as the services would write them, for tests that go straight to the topics. */
public final class Events {

    private Events() {}

    public static RequestPosted request(
            String requestId, String supplyType, long quantity, String country, Urgency urgency) {
        return request(requestId, supplyType, quantity, country, urgency, null, Instant.now());
    }

    public static RequestPosted request(
            String requestId,
            String supplyType,
            long quantity,
            String country,
            Urgency urgency,
            LocalDate neededBy,
            Instant at) {
        return new RequestPosted(
                UUID.randomUUID().toString(),
                requestId,
                "org-" + requestId,
                supplyType,
                quantity,
                country,
                urgency,
                neededBy,
                null,
                at,
                AidEvent.CURRENT_SCHEMA_VERSION);
    }

    public static OfferPosted offer(String offerId, String supplyType, long quantity, String... serviceArea) {
        return offer(offerId, supplyType, quantity, null, Instant.now(), serviceArea);
    }

    public static OfferPosted offer(
            String offerId,
            String supplyType,
            long quantity,
            LocalDate availableUntil,
            Instant at,
            String... serviceArea) {
        return new OfferPosted(
                UUID.randomUUID().toString(),
                offerId,
                "donor-" + offerId,
                supplyType,
                quantity,
                List.of(serviceArea),
                availableUntil,
                null,
                at,
                AidEvent.CURRENT_SCHEMA_VERSION);
    }
}
