package org.aidmatch.matcher.web;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.aidmatch.contracts.events.CommandRefused;
import org.aidmatch.contracts.events.MatchMade;
import org.aidmatch.contracts.events.MatchStatusChanged;
import org.aidmatch.contracts.organisations.Role;
import org.aidmatch.matcher.view.CoordinatorView;
import org.aidmatch.matcher.view.Decision;
import org.aidmatch.matcher.view.StreamPosition;
import org.aidmatch.service.security.Caller;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One client's event stream. It first sends what the client has not seen, a page at a time read
 * from the view, then follows: the view only queues new decisions for it, in a bounded queue, and a
 * shared sender thread sends them, so a slow client never holds up the view. A client that falls so
 * far behind that its queue is full is ended; it resumes with {@code Last-Event-ID} and replays
 * from the view what it missed.
 */
final class DecisionStream {

    private static final int PAGE = 256;

    private final CoordinatorView view;
    private final Caller caller;
    private final StreamProperties limits;
    private final Executor senders;
    private final Runnable released;
    private final BlockingQueue<Decision> queue;
    private final SseEmitter emitter = new SseEmitter(0L);
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final Consumer<Decision> listener = this::queue;
    private StreamPosition seen;
    private int replayFrom;
    private boolean following;
    private volatile boolean behind;
    private volatile boolean heartbeatDue;
    private volatile long lastEventNanos = System.nanoTime();

    DecisionStream(CoordinatorView view, Caller caller, StreamProperties limits, Executor senders, Runnable released) {
        this.view = view;
        this.caller = caller;
        this.limits = limits;
        this.senders = senders;
        this.released = released;
        this.queue = new ArrayBlockingQueue<>(limits.queueCapacity());
    }

    SseEmitter start(StreamPosition seen, Runnable closed) {
        this.seen = seen;
        this.replayFrom = view.firstNotSeen(seen);
        Runnable close = () -> {
            if (ended.compareAndSet(false, true)) {
                view.unfollow(listener);
                released.run();
                closed.run();
            }
        };
        emitter.onCompletion(close);
        emitter.onTimeout(close);
        emitter.onError(error -> close.run());
        heartbeatDue = true; // says "connected" at once, before any replay
        schedule();
        return emitter;
    }

    /** Called by the shared heartbeat: ends an idle stream, or sends it a comment. */
    void heartbeat() {
        if (System.nanoTime() - lastEventNanos > limits.idleTimeout().toNanos()) {
            end();
            return;
        }
        heartbeatDue = true;
        schedule();
    }

    void end() {
        emitter.complete();
    }

    /** Under the view's lock: only queue, never block. */
    private void queue(Decision decision) {
        // A client resuming from an instance further ahead than this one has seen some of these already.
        boolean wanted = visible(decision) && !seen.hasSeen(decision.partition(), decision.offset());
        if (wanted && !queue.offer(decision)) {
            behind = true;
        }
        schedule();
    }

    private void schedule() {
        if (!ended.get() && scheduled.compareAndSet(false, true)) {
            senders.execute(this::send);
        }
    }

    /** One turn on a sender thread: a page of replay or of the queue; more is left for the next turn. */
    private void send() {
        try {
            if (behind) {
                end();
                return;
            }
            if (heartbeatDue) {
                heartbeatDue = false;
                emitter.send(SseEmitter.event().comment("heartbeat"));
            }
            if (!following) {
                List<Decision> page = view.pageOrFollow(replayFrom, PAGE, listener);
                following = page.isEmpty();
                replayFrom += page.size();
                for (Decision decision : page) {
                    if (!seen.hasSeen(decision.partition(), decision.offset()) && visible(decision)) {
                        sendEvent(decision);
                    }
                }
            } else {
                for (int i = 0; i < PAGE; i++) {
                    Decision decision = queue.poll();
                    if (decision == null) {
                        break;
                    }
                    sendEvent(decision);
                }
            }
        } catch (IOException | IllegalStateException e) {
            emitter.completeWithError(e);
            return;
        } finally {
            scheduled.set(false);
        }
        if (!following || !queue.isEmpty() || behind || heartbeatDue) {
            schedule();
        }
    }

    private void sendEvent(Decision decision) throws IOException {
        emitter.send(SseEmitter.event()
                .id(decision.positionAfter().toString())
                .name(nameOf(decision))
                .data(decision.event()));
        lastEventNanos = System.nanoTime();
    }

    /** The SSE event name: match, status (a match moved on), refused (a command was not carried out), closed. */
    private static String nameOf(Decision decision) {
        if (decision.event() instanceof MatchMade) {
            return "match";
        }
        if (decision.event() instanceof MatchStatusChanged) {
            return "status";
        }
        return decision.event() instanceof CommandRefused ? "refused" : "closed";
    }

    private boolean visible(Decision decision) {
        return caller.is(Role.COORDINATOR) || decision.involves(caller.organization());
    }
}
