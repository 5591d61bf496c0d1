package org.aidmatch.matcher.streams;

import java.time.Duration;
import java.util.function.Predicate;
import org.aidmatch.service.catalogue.CatalogueFollower;
import org.aidmatch.service.catalogue.LiveCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which codes the book takes as supply types: those of the live catalogue. Before its first answer
 * it waits for the catalogue to be read, so that a matcher restarted from scratch does not send a
 * type added since the seed to the dead-letter topic; a code it does not know it looks for once
 * more on the topic, so that a type added a moment ago is matched at once. A code once known stays
 * known, so a replay is decided as the first run was.
 */
public final class KnownSupplyTypes implements Predicate<String> {

    private static final Logger log = LoggerFactory.getLogger(KnownSupplyTypes.class);
    private static final Duration LOAD_WAIT = Duration.ofMinutes(2);

    private final LiveCatalogue catalogue;
    private final CatalogueFollower follower;

    public KnownSupplyTypes(LiveCatalogue catalogue, CatalogueFollower follower) {
        this.catalogue = catalogue;
        this.follower = follower;
    }

    @Override
    public boolean test(String code) {
        if (!follower.isLoaded()) {
            awaitLoaded();
        }
        return catalogue.knows(code);
    }

    private void awaitLoaded() {
        long deadline = System.nanoTime() + LOAD_WAIT.toNanos();
        while (!follower.isLoaded() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (!follower.isLoaded()) {
            log.warn("The catalogue is still not read after {}; deciding from the seed and what is read", LOAD_WAIT);
        }
    }
}
