package org.aidmatch.matcher.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code aidmatch.matches.stream.*}: what the live match stream may cost the matcher.
 *
 * @param maxPerCaller streams one organisation may hold open at once
 * @param maxTotal streams this instance holds open at once, for everyone
 * @param queueCapacity decisions queued for one stream; a stream that falls further behind is ended,
 *     and its client resumes with {@code Last-Event-ID}
 * @param idleTimeout a stream with no decision for this long is ended (its client reconnects), so
 *     that a connection lost without a trace does not hold its place for ever
 * @param heartbeat how often an idle stream gets a comment, which finds dead connections
 * @param senderThreads the threads that send to every stream
 */
@ConfigurationProperties("aidmatch.matches.stream")
public record StreamProperties(
        @DefaultValue("5") int maxPerCaller,
        @DefaultValue("200") int maxTotal,
        @DefaultValue("1000") int queueCapacity,
        @DefaultValue("10m") Duration idleTimeout,
        @DefaultValue("15s") Duration heartbeat,
        @DefaultValue("2") int senderThreads) {}
