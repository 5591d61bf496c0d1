package org.aidmatch.matcher.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.aidmatch.contracts.json.EventSerde;
import org.aidmatch.contracts.notifications.DeliveryAttempt;
import org.aidmatch.contracts.notifications.DeliveryAttempt.Outcome;
import org.aidmatch.contracts.notifications.Notification;
import org.aidmatch.contracts.topics.Topics;
import org.aidmatch.service.kafka.EventPublisher;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Delivers notifications by one {@link Channel}, each organisation's in order, at least once.
 *
 * <p>Notifications are keyed by organisation, so one organisation's are in one partition. They wait
 * in a queue per organisation; only the head of a queue is being delivered. A failed delivery is
 * tried again after a pause that doubles each time ({@code first-pause}, up to {@code
 * longest-pause}) until {@code retry-for} has passed since its first try; then it fails for good and
 * the next one goes. A receiver that is down holds up only its own organisation. A channel that
 * gathers (email) waits {@code gatherFor} after an organisation's oldest waiting notification and
 * sends all that waits then as one.
 *
 * <p>What waits is never only in memory: a partition's offset is committed only up to its oldest
 * notification not yet done, so after a restart, or when another instance takes the partition,
 * delivery goes on from there (repeating some that were done, with the same event id, which
 * receivers use to drop repeats). The queues are bounded: past {@link #MOST_WAITING} notifications
 * waiting, this instance stops reading until they drain.
 */
final class NotificationDeliverer extends GroupConsumer {

    static final int MOST_WAITING = 10_000;
    /** Receivers answered at once; a slow one holds a sender for at most the timeout. */
    private static final int SENDERS = 4;

    private static final Duration COMMIT_EVERY = Duration.ofSeconds(1);

    private final Channel channel;
    private final EventPublisher publisher;
    private final NotificationProperties settings;
    private final NotificationMetrics metrics;
    private final EventSerde<Notification> serde = Topics.NOTIFICATIONS.valueSerde();
    private volatile ExecutorService senders;

    /** The queues, touched by the consumer's thread only; results come back through {@link #done}. */
    private final Map<String, OrganisationQueue> queues = new HashMap<>();

    private final Map<TopicPartition, TreeSet<Long>> waiting = new HashMap<>();
    private final Map<TopicPartition, Long> nextToRead = new HashMap<>();
    private final ConcurrentLinkedQueue<Result> done = new ConcurrentLinkedQueue<>();
    private final AtomicInteger waitingCount = new AtomicInteger();
    private Instant lastCommit = Instant.EPOCH;
    private boolean paused;

    private static final class OrganisationQueue {
        final ArrayDeque<Pending> items = new ArrayDeque<>();
        /** What is being sent, or was last tried: the oldest of the queue. */
        List<Pending> sending = List.of();

        boolean busy;
        int attempt = 1;
        Instant firstTry;
        Instant notBefore = Instant.EPOCH;
    }

    private record Pending(Notification notification, TopicPartition partition, long offset, Instant readAt) {}

    private record Result(String organisation, List<Pending> sent, Channel.Answer answer) {}

    NotificationDeliverer(
            Map<String, Object> consumerConfig,
            String groupId,
            Channel channel,
            EventPublisher publisher,
            NotificationProperties settings,
            NotificationMetrics metrics) {
        super(consumerConfig, groupId, Topics.NOTIFICATIONS.name());
        this.channel = channel;
        this.publisher = publisher;
        this.settings = settings;
        this.metrics = metrics;
        metrics.pending(channel.name(), waitingCount::get);
    }

    @Override
    void handle(KafkaConsumer<String, byte[]> consumer, ConsumerRecords<String, byte[]> records) {
        for (ConsumerRecord<String, byte[]> record : records) {
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            nextToRead.put(partition, record.offset() + 1);
            Notification notification;
            try {
                notification = serde.deserialize(record.topic(), record.value());
            } catch (SerializationException e) {
                continue;
            }
            if (notification == null || !channel.wants(notification)) {
                continue; // not wanted by this channel: nothing to deliver
            }
            waiting.computeIfAbsent(partition, any -> new TreeSet<>()).add(record.offset());
            queues.computeIfAbsent(notification.organisation(), any -> new OrganisationQueue())
                    .items
                    .add(new Pending(notification, partition, record.offset(), Instant.now()));
            waitingCount.incrementAndGet();
        }
        takeResults();
        sendWhatIsDue();
        holdBack(consumer);
        if (Duration.between(lastCommit, Instant.now()).compareTo(COMMIT_EVERY) >= 0) {
            commit(consumer, nextToRead.keySet());
        }
    }

    @Override
    void revoked(KafkaConsumer<String, byte[]> consumer, Collection<TopicPartition> partitions) {
        takeResults();
        commit(consumer, partitions);
        // The new owner delivers from the committed offsets; an answer still on its way here is dropped.
        for (Iterator<Map.Entry<String, OrganisationQueue>> it =
                        queues.entrySet().iterator();
                it.hasNext(); ) {
            OrganisationQueue queue = it.next().getValue();
            if (!queue.items.isEmpty()
                    && partitions.contains(queue.items.peekFirst().partition())) {
                waitingCount.addAndGet(-queue.items.size());
                it.remove();
            }
        }
        partitions.forEach(partition -> {
            waiting.remove(partition);
            nextToRead.remove(partition);
        });
    }

    @Override
    public synchronized void start() {
        senders = Executors.newFixedThreadPool(SENDERS, runnable -> {
            Thread thread = new Thread(runnable, channel.name() + "-sender");
            thread.setDaemon(true);
            return thread;
        });
        super.start();
    }

    @Override
    public void stop() {
        super.stop();
        senders.shutdownNow();
    }

    /** A new consumer goes on from the committed offsets: what the last one held is read again. */
    @Override
    void beforeConsuming() {
        queues.clear();
        waiting.clear();
        nextToRead.clear();
        done.clear();
        waitingCount.set(0);
        paused = false;
    }

    private void takeResults() {
        Result result;
        while ((result = done.poll()) != null) {
            OrganisationQueue queue = queues.get(result.organisation());
            if (queue == null || queue.sending != result.sent()) {
                continue; // its partition went elsewhere meanwhile
            }
            queue.busy = false;
            Instant now = Instant.now();
            Channel.Answer answer = result.answer();
            Outcome outcome;
            if (answer == Channel.Answer.NOT_WANTED || answer.delivered()) {
                outcome = Outcome.DELIVERED;
            } else if (answer.permanent()
                    || Duration.between(queue.firstTry, now).compareTo(settings.retryFor()) >= 0) {
                outcome = Outcome.FAILED;
            } else {
                outcome = Outcome.RETRYING;
            }
            if (answer != Channel.Answer.NOT_WANTED) {
                record(result.sent(), queue.attempt, answer, outcome, now);
                if (outcome == Outcome.DELIVERED) {
                    metrics.sent(channel.name(), result.sent().size());
                } else if (outcome == Outcome.FAILED) {
                    metrics.failed(channel.name(), result.sent().size());
                }
            }
            if (outcome == Outcome.RETRYING) {
                queue.notBefore = now.plus(pauseAfter(queue.attempt));
                queue.attempt++;
            } else {
                for (Pending sent : result.sent()) {
                    queue.items.remove(sent);
                    waiting.get(sent.partition()).remove(sent.offset());
                    waitingCount.decrementAndGet();
                }
                queue.sending = List.of();
                queue.attempt = 1;
                queue.firstTry = null;
                queue.notBefore = Instant.EPOCH;
            }
        }
        queues.values().removeIf(queue -> queue.items.isEmpty() && !queue.busy);
    }

    private void sendWhatIsDue() {
        Instant now = Instant.now();
        queues.forEach((organisation, queue) -> {
            if (queue.busy || queue.items.isEmpty() || queue.notBefore.isAfter(now)) {
                return;
            }
            Pending oldest = queue.items.peekFirst();
            if (queue.attempt == 1 && oldest.readAt().plus(channel.gatherFor()).isAfter(now)) {
                return; // still gathering
            }
            List<Pending> batch = new ArrayList<>();
            for (Pending pending : queue.items) {
                if (batch.size() == channel.mostPerSending()) {
                    break;
                }
                batch.add(pending);
            }
            List<Pending> sent = List.copyOf(batch);
            queue.sending = sent;
            queue.busy = true;
            if (queue.firstTry == null) {
                queue.firstTry = now;
            }
            int attempt = queue.attempt;
            List<Notification> notifications =
                    sent.stream().map(Pending::notification).toList();
            senders.execute(
                    () -> done.add(new Result(organisation, sent, channel.send(organisation, notifications, attempt))));
        });
    }

    /** Stops reading while too much waits, so that memory stays bounded; reads on once half has drained. */
    private void holdBack(KafkaConsumer<String, byte[]> consumer) {
        if (!paused && waitingCount.get() > MOST_WAITING) {
            consumer.pause(consumer.assignment());
            paused = true;
        } else if (paused && waitingCount.get() < MOST_WAITING / 2) {
            consumer.resume(consumer.paused());
            paused = false;
        }
    }

    private void commit(KafkaConsumer<String, byte[]> consumer, Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : partitions) {
            Long next = nextToRead.get(partition);
            if (next == null) {
                continue;
            }
            TreeSet<Long> open = waiting.get(partition);
            offsets.put(partition, new OffsetAndMetadata(open == null || open.isEmpty() ? next : open.first()));
        }
        if (!offsets.isEmpty()) {
            consumer.commitSync(offsets);
        }
        lastCommit = Instant.now();
    }

    private Duration pauseAfter(int attempt) {
        Duration pause = settings.firstPause().multipliedBy(1L << Math.min(attempt - 1, 30));
        return pause.compareTo(settings.longestPause()) > 0 ? settings.longestPause() : pause;
    }

    private void record(List<Pending> sent, int attempt, Channel.Answer answer, Outcome outcome, Instant now) {
        for (Pending pending : sent) {
            Notification notification = pending.notification();
            publisher.publishWithoutWaiting(
                    Topics.DELIVERIES,
                    new DeliveryAttempt(
                            notification.id(),
                            notification.organisation(),
                            notification.type(),
                            channel.name(),
                            attempt,
                            answer.status(),
                            outcome,
                            answer.error(),
                            now));
        }
    }
}
