package org.aidmatch.matcher.notifications;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aidmatch.contracts.events.MatchEvent;
import org.aidmatch.contracts.json.EventSerde;
import org.aidmatch.contracts.notifications.Notification;
import org.aidmatch.contracts.topics.Topics;
import org.aidmatch.service.kafka.EventPublisher;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Reads the matcher's decisions as a consumer group and writes, for each organisation a decision
 * concerns, a notification keyed by that organisation, so that each organisation's notifications
 * are in one partition and in order. It commits once the broker has them; after a crash a decision
 * may be written twice, with the same notification id, which receivers drop.
 *
 * <p>The first time the group runs it starts at the decisions made since this instance started,
 * not at the beginning: {@code aid.matches.v1} keeps every decision ever made, and a new
 * deployment must not tell years of history to every webhook and inbox.
 */
final class NotificationFanOut extends GroupConsumer {

    private final EventPublisher publisher;
    private final EventSerde<MatchEvent> decisions = Topics.MATCHES.valueSerde();

    private final Instant startedAt = Instant.now();

    NotificationFanOut(Map<String, Object> consumerConfig, String groupId, EventPublisher publisher) {
        super(consumerConfig, groupId, Topics.MATCHES.name());
        this.publisher = publisher;
    }

    @Override
    void assigned(KafkaConsumer<String, byte[]> consumer, Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions));
        Map<TopicPartition, Long> fresh = new HashMap<>();
        for (TopicPartition partition : partitions) {
            if (committed.get(partition) == null) {
                fresh.put(partition, startedAt.toEpochMilli());
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndTimestamp> since = consumer.offsetsForTimes(fresh);
        Map<TopicPartition, Long> ends = consumer.endOffsets(fresh.keySet());
        fresh.keySet().forEach(partition -> {
            OffsetAndTimestamp first = since.get(partition);
            consumer.seek(partition, first != null ? first.offset() : ends.get(partition));
        });
    }

    @Override
    void handle(KafkaConsumer<String, byte[]> consumer, ConsumerRecords<String, byte[]> records) {
        if (records.isEmpty()) {
            return;
        }
        List<Notification> notifications = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            MatchEvent event;
            try {
                event = decisions.deserialize(record.topic(), record.value());
            } catch (SerializationException e) {
                continue; // not a decision this AidMatch reads; the matcher wrote it, so nothing is owed
            }
            if (event != null) {
                notifications.addAll(NotificationKinds.of(event));
            }
        }
        publisher.publishAll(Topics.NOTIFICATIONS, notifications);
        consumer.commitSync();
    }
}
