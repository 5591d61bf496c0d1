package org.aidmatch.matcher.web;

import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.aidmatch.contracts.events.MatchMade;
import org.aidmatch.matcher.view.CoordinatorView;
import org.aidmatch.matcher.view.Decision;
import org.aidmatch.matcher.view.StreamPosition;
import org.aidmatch.service.security.Caller;
import org.aidmatch.service.security.Role;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One client's event stream. The view only queues decisions for it; a thread of its own sends
 * them, so a slow client never holds up the view. A comment every 15 s finds dead connections.
 */
final class DecisionStream {

    private static final long HEARTBEAT_SECONDS = 15;

    private final CoordinatorView view;
    private final Caller caller;
    private final BlockingQueue<Decision> queue = new LinkedBlockingQueue<>();
    private final SseEmitter emitter = new SseEmitter(0L);
    private volatile boolean open = true;

    DecisionStream(CoordinatorView view, Caller caller) {
        this.view = view;
        this.caller = caller;
    }

    SseEmitter start(StreamPosition seen) {
        Consumer<Decision> listener = decision -> {
            if (caller.is(Role.COORDINATOR) || decision.involves(caller.organization())) {
                queue.add(decision);
            }
        };
        view.replayAndFollow(seen, listener);
        Runnable close = () -> {
            open = false;
            view.unfollow(listener);
        };
        emitter.onCompletion(close);
        emitter.onTimeout(close);
        emitter.onError(error -> close.run());
        Thread sender = new Thread(() -> send(close), "sse-" + caller.organization());
        sender.setDaemon(true);
        sender.start();
        return emitter;
    }

    private void send(Runnable close) {
        try {
            emitter.send(SseEmitter.event().comment("connected"));
            while (open) {
                Decision decision = queue.poll(HEARTBEAT_SECONDS, TimeUnit.SECONDS);
                if (decision == null) {
                    emitter.send(SseEmitter.event().comment("heartbeat"));
                    continue;
                }
                emitter.send(SseEmitter.event()
                        .id(decision.positionAfter().toString())
                        .name(decision.event() instanceof MatchMade ? "match" : "closed")
                        .data(decision.event()));
            }
        } catch (IOException | IllegalStateException e) {
            close.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close.run();
        }
    }
}
