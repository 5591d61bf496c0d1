package org.aidmatch.contracts.topics;

import java.util.List;
import org.aidmatch.contracts.events.MatchEvent;
import org.aidmatch.contracts.events.OfferEvent;
import org.aidmatch.contracts.events.RequestEvent;

/** The topics of AidMatch, declared once. Nobody spells a topic name anywhere else. */
public final class Topics {

    /** Requests posted and cancelled, keyed by supply type. Co-partitioned with {@link #OFFERS}. */
    public static final Topic<RequestEvent> REQUESTS = new Topic<>("aid.requests.v1", RequestEvent.class);

    /** Offers posted and withdrawn, keyed by supply type. Co-partitioned with {@link #REQUESTS}. */
    public static final Topic<OfferEvent> OFFERS = new Topic<>("aid.offers.v1", OfferEvent.class);

    /** Matches made, and requests and offers closed, keyed by supply type. */
    public static final Topic<MatchEvent> MATCHES = new Topic<>("aid.matches.v1", MatchEvent.class);

    /** The topics every service expects to exist, all created with the same partition count. */
    public static final List<Topic<?>> ALL = List.of(REQUESTS, OFFERS, MATCHES);

    private Topics() {}
}
