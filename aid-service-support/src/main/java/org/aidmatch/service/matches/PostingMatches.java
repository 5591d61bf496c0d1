package org.aidmatch.service.matches;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aidmatch.contracts.events.MatchEvent;
import org.aidmatch.contracts.events.MatchMade;
import org.aidmatch.contracts.events.MatchStatusChanged;

/**
 * The matches of one request or offer, and where its quantity stands, folded from
 * {@code aid.matches.v1}. The open quantity is the one the matcher reported last; the rest of the
 * balance is summed over the matches, and what is left over has closed. Not thread-safe.
 */
public final class PostingMatches {

    /** Which side of each match this posting is. */
    public enum Side {
        REQUEST,
        OFFER
    }

    private final Side side;
    private final Map<String, MatchProgress> matches = new LinkedHashMap<>();
    private Long open;
    private long matchedBeforeTheLifecycle;

    public PostingMatches(Side side) {
        this.side = side;
    }

    /** Applies a match event about this posting; returns the match it changed, or null. */
    public MatchProgress apply(MatchEvent event) {
        if (event instanceof MatchMade made) {
            if (matches.containsKey(made.matchId())) {
                return null;
            }
            MatchProgress progress = new MatchProgress(made);
            matches.put(made.matchId(), progress);
            if (made.status() == null) {
                matchedBeforeTheLifecycle += made.quantity();
            } else {
                open = side == Side.REQUEST ? made.requestOpen() : made.offerOpen();
            }
            return progress;
        }
        if (event instanceof MatchStatusChanged change) {
            MatchProgress progress = matches.get(change.matchId());
            if (progress == null || !progress.apply(change)) {
                return null;
            }
            open = side == Side.REQUEST ? change.requestOpen() : change.offerOpen();
            return progress;
        }
        return null;
    }

    public MatchProgress match(String matchId) {
        return matches.get(matchId);
    }

    public Collection<MatchProgress> all() {
        return matches.values();
    }

    public List<MatchDetails> details() {
        return matches.values().stream().map(MatchProgress::details).toList();
    }

    /** The open quantity of a posting of {@code quantity} that is still open. */
    public long open(long quantity) {
        return open != null ? open : Math.max(0, quantity - matchedBeforeTheLifecycle);
    }

    public long proposed() {
        return matches.values().stream().mapToLong(MatchProgress::proposed).sum();
    }

    public long committed() {
        return matches.values().stream().mapToLong(MatchProgress::committed).sum();
    }

    public long dispatched() {
        return matches.values().stream().mapToLong(MatchProgress::dispatched).sum();
    }

    public long delivered() {
        return matches.values().stream().mapToLong(MatchProgress::delivered).sum();
    }

    /** Proposed, committed, dispatched and delivered: all that matches hold or gave. */
    public long matched() {
        return proposed() + committed() + dispatched() + delivered();
    }
}
