package org.aidmatch.service.catalogue;

import java.util.List;
import java.util.Map;
import org.aidmatch.contracts.topics.Topics;
import org.aidmatch.service.kafka.StateFollower;

/** Keeps the {@link LiveCatalogue} of this instance up to date, from the catalogue topic. */
public final class CatalogueFollower extends StateFollower {

    public CatalogueFollower(Map<String, Object> consumerConfig, LiveCatalogue catalogue) {
        super(consumerConfig, List.of(Topics.SUPPLY_TYPES), catalogue::apply);
    }
}
