package org.aidmatch.request.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.aidmatch.contracts.commands.AcceptMatch;
import org.aidmatch.contracts.commands.ConfirmReceipt;
import org.aidmatch.contracts.commands.DeclineMatch;
import org.aidmatch.contracts.commands.DispatchMatch;
import org.aidmatch.contracts.events.Actor;
import org.aidmatch.contracts.events.MatchEndReason;
import org.aidmatch.contracts.events.MatchEvent;
import org.aidmatch.contracts.events.MatchMade;
import org.aidmatch.contracts.events.MatchStatus;
import org.aidmatch.contracts.events.Party;
import org.aidmatch.contracts.events.RequestPosted;
import org.aidmatch.contracts.events.Urgency;
import org.aidmatch.matching.Balance;
import org.aidmatch.matching.IndexedMatchingBook;
import org.aidmatch.matching.MatchingBook;
import org.aidmatch.matching.Side;
import org.aidmatch.testing.Events;
import org.junit.jupiter.api.Test;

/** The request view folded from the matcher's own decisions says what the book says. */
class RequestViewTest {

    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

    private final MatchingBook book = new IndexedMatchingBook();
    private final RequestView view = new RequestView();
    private final List<MatchEvent> decided = new ArrayList<>();

    @Test
    void a_declined_shipped_and_short_received_request_shows_the_books_balance_and_each_matchs_history() {
        RequestPosted request = Events.request("tashkent", "PPE-GOWN", 100, "UZ", Urgency.HIGH, null, T0);
        view.apply(request);
        decide(book.apply(request, T0));
        decide(book.apply(Events.offer("first", "PPE-GOWN", 100, null, T0, "UZ"), T0));
        decide(book.apply(Events.offer("second", "PPE-GOWN", 60, null, T0, "143"), T0));
        MatchMade first = made("first");
        Actor firstDonor = new Actor(first.donorOrganization(), Party.DONOR);
        decide(book.apply(
                new DeclineMatch(
                        "c1",
                        first.matchId(),
                        "PPE-GOWN",
                        firstDonor,
                        MatchEndReason.NO_SUPPLY,
                        "warehouse flooded",
                        T0,
                        1),
                T0));
        MatchMade second = made("second");
        Actor donor = new Actor(second.donorOrganization(), Party.DONOR);
        Actor requester = new Actor(second.requesterOrganization(), Party.REQUESTER);
        decide(book.apply(new AcceptMatch("c2", second.matchId(), "PPE-GOWN", donor, T0, 1), T0));
        decide(book.apply(new DispatchMatch("c3", second.matchId(), "PPE-GOWN", donor, 50, "AWB-1", null, T0, 1), T0));
        decide(book.apply(new ConfirmReceipt("c4", second.matchId(), "PPE-GOWN", requester, 45, "torn", T0, 1), T0));

        RequestState state = view.find("tashkent").orElseThrow();
        Balance balance = book.entry(Side.REQUEST, "tashkent").orElseThrow().balance();
        assertThat(new Balance(
                        state.remainingQuantity(),
                        state.proposedQuantity(),
                        state.committedQuantity(),
                        state.dispatchedQuantity(),
                        state.deliveredQuantity(),
                        state.closedQuantity()))
                .isEqualTo(balance)
                .isEqualTo(new Balance(55, 0, 0, 0, 45, 0));
        assertThat(state.status()).isEqualTo(RequestStatus.PARTIALLY_MATCHED);
        assertThat(state.matches())
                .extracting(match -> match.status())
                .containsExactly(MatchStatus.DECLINED, MatchStatus.RECEIVED);
        assertThat(state.matches().get(1).history())
                .extracting(step -> step.status())
                .containsExactly(
                        MatchStatus.PROPOSED, MatchStatus.ACCEPTED, MatchStatus.DISPATCHED, MatchStatus.RECEIVED);
        assertThat(state.matches().get(0).history().get(1).note()).isEqualTo("warehouse flooded");
    }

    @Test
    void a_redelivered_decision_changes_nothing() {
        RequestPosted request = Events.request("bishkek", "PPE-GOWN", 30, "KG", Urgency.HIGH, null, T0);
        view.apply(request);
        decide(book.apply(request, T0));
        decide(book.apply(Events.offer("relief", "PPE-GOWN", 30, null, T0, "KG"), T0));
        RequestState once = view.find("bishkek").orElseThrow();

        decided.forEach(view::apply);

        assertThat(view.find("bishkek").orElseThrow()).isEqualTo(once);
        assertThat(once.status()).isEqualTo(RequestStatus.MATCHED);
        assertThat(once.proposedQuantity()).isEqualTo(30);
    }

    private void decide(List<MatchEvent> events) {
        decided.addAll(events);
        events.forEach(view::apply);
    }

    private MatchMade made(String offerId) {
        return decided.stream()
                .filter(MatchMade.class::isInstance)
                .map(MatchMade.class::cast)
                .filter(match -> match.offerId().equals(offerId))
                .findFirst()
                .orElseThrow();
    }
}
