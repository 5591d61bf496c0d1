package org.aidmatch.contracts.notifications;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Set;
import org.aidmatch.contracts.TopicValue;

/**
 * Which notifications an organisation wants at its contact address, and in which language; keyed
 * by organisation on a compacted topic.
 *
 * @param events notification types, such as {@code match.proposed}
 * @param language a language of the portal's, such as {@code en} or {@code ar}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EmailPreferences(
        String organisation, Set<String> events, String language, String changedBy, Instant occurredAt)
        implements TopicValue {

    /** What an organisation that chose nothing gets: what asks for its action. */
    public static final Set<String> DEFAULT_EVENTS = Set.of("match.proposed", "match.rematched");

    public EmailPreferences {
        events = events == null ? Set.of() : Set.copyOf(events);
    }

    public static EmailPreferences defaults(String organisation) {
        return new EmailPreferences(organisation, DEFAULT_EVENTS, "en", null, null);
    }

    @Override
    @JsonIgnore
    public String recordKey() {
        return organisation;
    }
}
