package org.aidmatch.service.directory;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.aidmatch.contracts.organisations.ApiKeyUsed;
import org.aidmatch.contracts.topics.Topics;
import org.aidmatch.service.kafka.EventPublisher;

/**
 * Reports that a directory key was used, at most once per key per {@code interval} from each
 * instance, so that listing a key can say when it was last used without a write per request.
 * The report is sent without waiting: losing one costs only the listing's accuracy.
 */
public final class KeyUses {

    private final EventPublisher publisher;
    private final Duration interval;
    private final Directory directory;
    private final Map<String, Instant> reported = new ConcurrentHashMap<>();

    public KeyUses(EventPublisher publisher, Directory directory, Duration interval) {
        this.publisher = publisher;
        this.directory = directory;
        this.interval = interval;
    }

    public void used(String keyId, Instant at) {
        boolean[] due = {false};
        reported.compute(keyId, (id, last) -> {
            due[0] = last == null || !last.plus(interval).isAfter(at);
            return due[0] ? at : last;
        });
        if (due[0]) {
            ApiKeyUsed use = new ApiKeyUsed(keyId, at);
            directory.apply(use);
            publisher.publishWithoutWaiting(Topics.API_KEY_USES, use);
        }
    }
}
