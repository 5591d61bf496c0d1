package org.aidmatch.matching;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The core can be reused without Kafka: kafka-clients does not even reach its classpath through the contracts. */
class PlainJavaTest {

    @Test
    void kafka_clients_is_not_on_the_matching_cores_classpath() {
        assertThatThrownBy(() -> Class.forName("org.apache.kafka.common.serialization.Serde"))
                .isInstanceOf(ClassNotFoundException.class);
    }
}
