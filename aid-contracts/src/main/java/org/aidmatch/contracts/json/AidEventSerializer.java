package org.aidmatch.contracts.json;

import org.aidmatch.contracts.events.AidEvent;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes any AidMatch event; the type name travels inside the JSON. Configurable by class name, for
 * producers set up from properties.
 */
public final class AidEventSerializer implements Serializer<AidEvent> {

    private final EventSerde<AidEvent> serde = new EventSerde<>(AidEvent.class);

    @Override
    public byte[] serialize(String topic, AidEvent event) {
        return serde.serialize(topic, event);
    }
}
