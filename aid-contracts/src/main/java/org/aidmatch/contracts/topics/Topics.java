package org.aidmatch.contracts.topics;

import java.util.List;
import org.aidmatch.contracts.catalogue.CatalogueEntry;
import org.aidmatch.contracts.commands.MatchCommand;
import org.aidmatch.contracts.events.ClockTicked;
import org.aidmatch.contracts.events.MatchEvent;
import org.aidmatch.contracts.events.OfferEvent;
import org.aidmatch.contracts.events.RequestEvent;
import org.aidmatch.contracts.notifications.DeliveryAttempt;
import org.aidmatch.contracts.notifications.EmailPreferences;
import org.aidmatch.contracts.notifications.Notification;
import org.aidmatch.contracts.notifications.WebhookSubscription;
import org.aidmatch.contracts.organisations.ApiKey;
import org.aidmatch.contracts.organisations.ApiKeyUsed;
import org.aidmatch.contracts.organisations.Organisation;
import org.aidmatch.contracts.topics.Topic.Retention;

/** The topics of AidMatch, declared once. Nobody spells a topic name anywhere else. */
public final class Topics {

    /** Requests posted and cancelled, keyed by supply type. Co-partitioned with {@link #OFFERS}. */
    public static final Topic<RequestEvent> REQUESTS =
            new Topic<>("aid.requests.v1", RequestEvent.class, Retention.FOR_EVER);

    /** Offers posted and withdrawn, keyed by supply type. Co-partitioned with {@link #REQUESTS}. */
    public static final Topic<OfferEvent> OFFERS = new Topic<>("aid.offers.v1", OfferEvent.class, Retention.FOR_EVER);

    /**
     * Commands on matches (accept, decline, cancel, dispatch, confirm receipt), keyed by supply
     * type. Co-partitioned with {@link #REQUESTS} and {@link #OFFERS}, so the task that holds a
     * match's book decides its commands.
     */
    public static final Topic<MatchCommand> MATCH_COMMANDS =
            new Topic<>("aid.match-commands.v1", MatchCommand.class, Retention.FOR_EVER);

    /** Clock ticks, written into each partition by number; co-partitioned with the inputs. */
    public static final Topic<ClockTicked> CLOCK = new Topic<>("aid.clock.v1", ClockTicked.class, Retention.CLOCK);

    /** Matches made and moved on, commands refused, and requests and offers closed, keyed by supply type. */
    public static final Topic<MatchEvent> MATCHES = new Topic<>("aid.matches.v1", MatchEvent.class, Retention.FOR_EVER);

    /**
     * Request events the matcher could not read or would not accept, with the cause in the
     * {@code kafka_dlt-*} headers. Nothing here was applied to the book.
     */
    public static final Topic<RequestEvent> REQUESTS_DEAD_LETTER =
            new Topic<>("aid.requests.v1.dlt", RequestEvent.class, Retention.DEAD_LETTERS);

    /** Offer events the matcher could not read or would not accept, as for {@link #REQUESTS_DEAD_LETTER}. */
    public static final Topic<OfferEvent> OFFERS_DEAD_LETTER =
            new Topic<>("aid.offers.v1.dlt", OfferEvent.class, Retention.DEAD_LETTERS);

    /** Commands the matcher could not read or would not accept, as for {@link #REQUESTS_DEAD_LETTER}. */
    public static final Topic<MatchCommand> MATCH_COMMANDS_DEAD_LETTER =
            new Topic<>("aid.match-commands.v1.dlt", MatchCommand.class, Retention.DEAD_LETTERS);

    /** The directory of organisations, keyed by organisation id; compacted, so it holds each one's latest record. */
    public static final Topic<Organisation> ORGANISATIONS =
            new Topic<>("aid.organisations.v1", Organisation.class, Retention.LATEST_PER_KEY);

    /**
     * API keys issued through the directory, keyed by key id; compacted. A revoked key stays, as
     * revoked, so that its organisation still sees it listed: a few hundred bytes per key ever issued.
     */
    public static final Topic<ApiKey> API_KEYS = new Topic<>("aid.api-keys.v1", ApiKey.class, Retention.LATEST_PER_KEY);

    /** When each key was last used, keyed by key id; compacted. */
    public static final Topic<ApiKeyUsed> API_KEY_USES =
            new Topic<>("aid.api-key-uses.v1", ApiKeyUsed.class, Retention.LATEST_PER_KEY);

    /**
     * The supply catalogue, keyed by supply type code; compacted. It holds what coordinators added,
     * renamed and retired, over the seed of {@code supply-types.json}, which the matcher writes
     * here once: one record per supply type ever known.
     */
    public static final Topic<CatalogueEntry> SUPPLY_TYPES =
            new Topic<>("aid.supply-types.v1", CatalogueEntry.class, Retention.LATEST_PER_KEY);

    /** Each organisation's webhook, keyed by organisation; compacted. */
    public static final Topic<WebhookSubscription> WEBHOOKS =
            new Topic<>("aid.webhooks.v1", WebhookSubscription.class, Retention.LATEST_PER_KEY);

    /** Which notifications each organisation wants by email, and in which language; compacted. */
    public static final Topic<EmailPreferences> EMAIL_PREFERENCES =
            new Topic<>("aid.email-preferences.v1", EmailPreferences.class, Retention.LATEST_PER_KEY);

    /** The matcher's decisions, one record per organisation concerned, keyed by organisation; kept a week. */
    public static final Topic<Notification> NOTIFICATIONS =
            new Topic<>("aid.notifications.v1", Notification.class, Retention.NOTIFICATIONS);

    /** Every attempt to deliver a notification and its outcome, keyed by organisation; kept a week. */
    public static final Topic<DeliveryAttempt> DELIVERIES =
            new Topic<>("aid.deliveries.v1", DeliveryAttempt.class, Retention.NOTIFICATIONS);

    /**
     * The topics every service expects to exist, all created with the same partition count. A topic
     * added later keeps its records {@link Retention#FOR_EVER} unless it only holds dead letters, or
     * is a directory of states, compacted to the latest of each.
     */
    public static final List<Topic<?>> ALL = List.of(
            REQUESTS,
            OFFERS,
            MATCH_COMMANDS,
            CLOCK,
            MATCHES,
            REQUESTS_DEAD_LETTER,
            OFFERS_DEAD_LETTER,
            MATCH_COMMANDS_DEAD_LETTER,
            ORGANISATIONS,
            API_KEYS,
            API_KEY_USES,
            SUPPLY_TYPES,
            WEBHOOKS,
            EMAIL_PREFERENCES,
            NOTIFICATIONS,
            DELIVERIES);

    /** Where a record of an input topic goes when the matcher cannot take it. */
    public static Topic<?> deadLetterOf(String inputTopic) {
        if (REQUESTS.name().equals(inputTopic)) {
            return REQUESTS_DEAD_LETTER;
        }
        if (OFFERS.name().equals(inputTopic)) {
            return OFFERS_DEAD_LETTER;
        }
        if (MATCH_COMMANDS.name().equals(inputTopic)) {
            return MATCH_COMMANDS_DEAD_LETTER;
        }
        throw new IllegalArgumentException("no dead-letter topic for " + inputTopic);
    }

    private Topics() {}
}
