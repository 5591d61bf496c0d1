package org.aidmatch.contracts.json;

import org.aidmatch.contracts.TopicValue;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes any AidMatch event or directory record; the type name travels inside the JSON. Configurable by class name, for
 * producers set up from properties.
 */
public final class AidEventSerializer implements Serializer<TopicValue> {

    private final EventSerde<TopicValue> serde = new EventSerde<>(TopicValue.class);

    @Override
    public byte[] serialize(String topic, TopicValue event) {
        return serde.serialize(topic, event);
    }
}
