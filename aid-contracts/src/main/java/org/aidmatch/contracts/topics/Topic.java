package org.aidmatch.contracts.topics;

import org.aidmatch.contracts.events.AidEvent;

/**
 * A Kafka topic of AidMatch and the type of event it carries.
 *
 * <p>Every topic is keyed by supply type code, so all events about one supply type share a
 * partition and arrive in order, and one matcher task sees the whole book of that supply type.
 */
public record Topic<V extends AidEvent>(String name, Class<V> valueType) {

    public String keyOf(V event) {
        return event.supplyType();
    }
}
