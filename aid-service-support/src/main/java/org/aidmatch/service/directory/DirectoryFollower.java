package org.aidmatch.service.directory;

import java.util.List;
import java.util.Map;
import org.aidmatch.contracts.topics.Topics;
import org.aidmatch.service.kafka.StateFollower;

/** Keeps the {@link Directory} of this instance up to date, from the directory topics. */
public final class DirectoryFollower extends StateFollower {

    public DirectoryFollower(Map<String, Object> consumerConfig, Directory directory) {
        super(consumerConfig, List.of(Topics.ORGANISATIONS, Topics.API_KEYS, Topics.API_KEY_USES), directory::apply);
    }
}
