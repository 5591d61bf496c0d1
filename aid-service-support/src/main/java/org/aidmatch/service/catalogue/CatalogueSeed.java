package org.aidmatch.service.catalogue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.aidmatch.contracts.catalogue.CatalogueEntry;
import org.aidmatch.contracts.catalogue.SupplyCatalogue;
import org.aidmatch.contracts.catalogue.SupplyType;
import org.aidmatch.contracts.topics.Topics;
import org.aidmatch.service.kafka.BrokerUnavailable;
import org.aidmatch.service.kafka.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes to the catalogue topic each type of {@code supply-types.json} the topic does not hold yet,
 * once the catalogue has been read, so that the topic alone says what the catalogue is. Every
 * service reads the seed under the topic anyway, so nothing waits for this; two matchers seeding at
 * once write the same records, which compaction folds.
 */
public final class CatalogueSeed {

    private static final Logger log = LoggerFactory.getLogger(CatalogueSeed.class);

    private final EventPublisher publisher;
    private final LiveCatalogue catalogue;
    private final CatalogueFollower follower;

    public CatalogueSeed(EventPublisher publisher, LiveCatalogue catalogue, CatalogueFollower follower) {
        this.publisher = publisher;
        this.catalogue = catalogue;
        this.follower = follower;
    }

    /** Seeds in the background, retrying while the catalogue is not read or the broker is away. */
    public void start() {
        Thread thread = new Thread(this::seedWhenReady, "catalogue-seed");
        thread.setDaemon(true);
        thread.start();
    }

    private void seedWhenReady() {
        for (int attempt = 0; attempt < 600; attempt++) {
            try {
                if (follower.isLoaded()) {
                    seed();
                    return;
                }
            } catch (BrokerUnavailable e) {
                log.info("Seeding the catalogue topic waits for the broker: {}", e.getMessage());
            }
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    void seed() {
        Instant now = Instant.now();
        List<CatalogueEntry> missing = new ArrayList<>();
        for (SupplyType type : SupplyCatalogue.standard().all()) {
            if (catalogue.entry(type.code()).map(CatalogueEntry::version).orElse(0L) == 0) {
                missing.add(
                        new CatalogueEntry(type, 1, CatalogueEntry.SEED, now, CatalogueEntry.CURRENT_SCHEMA_VERSION));
            }
        }
        if (!missing.isEmpty()) {
            publisher.publishAll(Topics.SUPPLY_TYPES, missing);
            log.info("Seeded the catalogue topic with {} supply types", missing.size());
        }
    }
}
