package org.aidmatch.matcher.streams;

import java.time.Duration;
import org.aidmatch.matching.BookSettings;
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
 * @param acceptWithin how long a donor has to answer a proposal before it lapses
 * @param confirmWithin how long after dispatch a match without receipt becomes OVERDUE
 * @param tickInterval how often the matcher writes a clock tick into every partition of
 *     {@code aid.clock.v1}; deadlines fire at the first tick after them, so this is how late
 *     they may fire when nothing else is posted
 */
@ConfigurationProperties("aidmatch.matching")
public record MatchingProperties(
        @DefaultValue("5s") Duration closeTimeout,
        @DefaultValue("180d") Duration closedIdHorizon,
        @DefaultValue("48h") Duration acceptWithin,
        @DefaultValue("30d") Duration confirmWithin,
        @DefaultValue("1m") Duration tickInterval) {

    public BookSettings book() {
        return new BookSettings(closedIdHorizon, acceptWithin, confirmWithin);
    }
}
