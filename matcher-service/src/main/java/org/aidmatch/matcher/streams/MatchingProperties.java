package org.aidmatch.matcher.streams;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code aidmatch.matching.*}.
 *
 * @param closeTimeout how long stopping waits for Kafka Streams to commit and leave the group; short
 *     enough that the matcher stops well within an orchestrator's grace period (10 s for
 *     {@code docker compose stop}) even when the broker is gone. Work not committed by then is
 *     redone by whoever takes the tasks, exactly once.
 * @param closedIdHorizon how long the book remembers a closed request or offer id, to ignore a
 *     duplicate posting of it (rule 7 of {@code MatchingBook}); after that the id is forgotten, in
 *     memory and in the store, and a posting of it is new
 */
@ConfigurationProperties("aidmatch.matching")
public record MatchingProperties(
        @DefaultValue("5s") Duration closeTimeout,
        @DefaultValue("180d") Duration closedIdHorizon) {}
