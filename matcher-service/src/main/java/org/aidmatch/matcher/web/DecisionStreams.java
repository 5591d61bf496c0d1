package org.aidmatch.matcher.web;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.aidmatch.matcher.view.CoordinatorView;
import org.aidmatch.matcher.view.StreamPosition;
import org.aidmatch.service.problem.Problems;
import org.aidmatch.service.security.Caller;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Every open live match stream of this instance: how many each organisation holds, and the few
 * shared threads that send to all of them, so that streams cost a queue each and no thread.
 */
@Component
final class DecisionStreams implements DisposableBean {

    private final CoordinatorView view;
    private final StreamProperties limits;
    private final ScheduledExecutorService senders;
    private final Set<DecisionStream> open = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> perCaller = new HashMap<>();
    private int total;

    DecisionStreams(CoordinatorView view, StreamProperties limits) {
        this.view = view;
        this.limits = limits;
        AtomicInteger count = new AtomicInteger();
        this.senders = Executors.newScheduledThreadPool(limits.senderThreads(), work -> {
            Thread thread = new Thread(work, "sse-sender-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        long every = limits.heartbeat().toMillis();
        senders.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
    }

    /** Opens a stream for the caller after what it has seen, or refuses with 429 over a cap. */
    SseEmitter open(Caller caller, StreamPosition seen) {
        take(caller.organization());
        DecisionStream stream = new DecisionStream(view, caller, limits, senders, () -> release(caller.organization()));
        open.add(stream);
        return stream.start(seen, () -> open.remove(stream));
    }

    private synchronized void take(String organization) {
        if (total >= limits.maxTotal()) {
            throw Problems.tooManyRequests(
                    "This instance already serves " + limits.maxTotal()
                            + " live streams. Try again shortly, or poll GET /api/v1/matches.",
                    5);
        }
        int held = perCaller.getOrDefault(organization, 0);
        if (held >= limits.maxPerCaller()) {
            throw Problems.tooManyRequests(
                    "Your organisation already holds " + limits.maxPerCaller() + " live streams; close one first.", 5);
        }
        perCaller.put(organization, held + 1);
        total++;
    }

    private synchronized void release(String organization) {
        perCaller.computeIfPresent(organization, (org, held) -> held > 1 ? held - 1 : null);
        total--;
    }

    private void beat() {
        open.forEach(DecisionStream::heartbeat);
    }

    @Override
    public void destroy() {
        open.forEach(DecisionStream::end);
        senders.shutdownNow();
    }
}
