package org.aidmatch.matching;

import static org.aidmatch.contracts.events.MatchEndReason.CANNOT_REACH_AREA;
import static org.aidmatch.contracts.events.MatchEndReason.NO_LONGER_NEEDED;
import static org.aidmatch.contracts.events.MatchEndReason.NO_SUPPLY;
import static org.aidmatch.contracts.events.MatchEndReason.OTHER;
import static org.aidmatch.contracts.events.MatchEndReason.PREFERS_DIFFERENT;
import static org.aidmatch.contracts.events.Urgency.CRITICAL;
import static org.aidmatch.contracts.events.Urgency.HIGH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.aidmatch.contracts.commands.DispatchMatch;
import org.aidmatch.contracts.events.Actor;
import org.aidmatch.contracts.events.CloseReason;
import org.aidmatch.contracts.events.CommandRefused;
import org.aidmatch.contracts.events.MatchEndReason;
import org.aidmatch.contracts.events.MatchEvent;
import org.aidmatch.contracts.events.MatchMade;
import org.aidmatch.contracts.events.MatchReason.Trigger;
import org.aidmatch.contracts.events.MatchStatus;
import org.aidmatch.contracts.events.MatchStatusChanged;
import org.aidmatch.contracts.events.OfferClosed;
import org.aidmatch.contracts.events.Party;
import org.aidmatch.contracts.events.RequestClosed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rules 10 to 16 of {@link MatchingBook}: from proposal to delivery, as scenarios for every book. */
abstract class MatchLifecycleContract {

    private static final String GOWNS = "PPE-GOWN";

    private Book book;

    abstract MatchingBook newBook();

    @BeforeEach
    void setUp() {
        book = new Book(newBook());
    }

    @Test
    void a_match_starts_proposed_with_its_quantity_reserved_and_a_deadline_48_hours_on() {
        book.request("tashkent", GOWNS, 100, "UZ", HIGH);
        book.offer("silk-road", GOWNS, 60, "143");

        MatchMade match = book.made("tashkent", "silk-road");
        assertThat(match.status()).isEqualTo(MatchStatus.PROPOSED);
        assertThat(match.respondBy()).isEqualTo(Book.NOW.plus(Duration.ofHours(48)));
        assertThat(match.requestOpen()).isEqualTo(40);
        assertThat(match.offerOpen()).isZero();
        assertThat(book.entry(Side.REQUEST, "tashkent").balance()).isEqualTo(new Balance(40, 60, 0, 0, 0, 0));
        assertBalanced();
    }

    @Test
    void an_offer_posted_with_auto_accept_makes_accepted_matches_without_a_deadline() {
        book.request("tashkent", GOWNS, 100, "UZ", HIGH);
        book.committedOffer("silk-road", GOWNS, 100, "143");

        MatchMade match = book.made("tashkent", "silk-road");
        assertThat(match.status()).isEqualTo(MatchStatus.ACCEPTED);
        assertThat(match.respondBy()).isNull();
        book.at(Book.NOW.plus(Duration.ofDays(10))).tick();
        assertThat(book.book().match(match.matchId()))
                .hasValueSatisfying(entry -> assertThat(entry.status()).isEqualTo(MatchStatus.ACCEPTED));
    }

    @Test
    void a_donor_accepts_once_and_a_second_accept_is_refused_with_the_status() {
        book.request("tashkent", GOWNS, 100, "UZ", HIGH);
        book.offer("silk-road", GOWNS, 100, "143");

        assertThat(book.accept("tashkent", "silk-road"))
                .singleElement()
                .isInstanceOfSatisfying(MatchStatusChanged.class, change -> {
                    assertThat(change.previousStatus()).isEqualTo(MatchStatus.PROPOSED);
                    assertThat(change.status()).isEqualTo(MatchStatus.ACCEPTED);
                    assertThat(change.actor()).isEqualTo(book.donorOf("tashkent", "silk-road"));
                });
        assertThat(book.accept("tashkent", "silk-road"))
                .singleElement()
                .isInstanceOfSatisfying(
                        CommandRefused.class,
                        refused -> assertThat(refused.status()).isEqualTo(MatchStatus.ACCEPTED));
        assertThat(book.entry(Side.OFFER, "silk-road").balance()).isEqualTo(new Balance(0, 0, 100, 0, 0, 0));
    }

    @Test
    void when_a_donor_declines_as_unable_to_reach_the_area_the_need_goes_at_once_to_the_next_donor() {
        book.offer("first", GOWNS, 100, "UZ");
        book.offer("second", GOWNS, 100, "143");
        book.request("tashkent", GOWNS, 100, "UZ", HIGH);
        book.request("almaty", GOWNS, 30, "KZ", CRITICAL);

        List<MatchEvent> decided =
                book.decline("tashkent", "first", book.donorOf("tashkent", "first"), CANNOT_REACH_AREA);

        assertThat(decided.get(0)).isInstanceOfSatisfying(MatchStatusChanged.class, change -> {
            assertThat(change.status()).isEqualTo(MatchStatus.DECLINED);
            assertThat(change.reason()).isEqualTo(CANNOT_REACH_AREA);
            assertThat(change.requestReturned()).isEqualTo(100);
            assertThat(change.offerReturned()).isEqualTo(100);
        });
        assertThat(book.pairs())
                .containsExactly("tashkent->first:100@UZ", "almaty->second:30@143", "tashkent->second:70@143");
        MatchMade rematch = book.made("tashkent", "second");
        assertThat(rematch.reason().trigger()).isEqualTo(Trigger.REQUEST_RETURNED);
        assertThat(rematch.reason().explanation())
                .startsWith("Re-matched after donor-first declined: CANNOT_REACH_AREA.");
        assertThat(book.entry(Side.OFFER, "first").remaining())
                .as("the first donor's quantity waits for another request; it never pairs with tashkent again")
                .isEqualTo(100);
        assertBalanced();
    }

    @Test
    void a_donor_without_supply_closes_its_side_and_the_offer_closes_with_nothing_delivered() {
        book.request("tashkent", GOWNS, 100, "UZ", HIGH);
        book.offer("silk-road", GOWNS, 100, "UZ");

        book.decline("tashkent", "silk-road", book.donorOf("tashkent", "silk-road"), NO_SUPPLY);

        assertThat(book.history())
                .filteredOn(OfferClosed.class::isInstance)
                .singleElement()
                .isInstanceOfSatisfying(OfferClosed.class, closed -> {
                    assertThat(closed.reason()).isEqualTo(CloseReason.FULFILLED);
                    assertThat(closed.matchedQuantity()).isZero();
                    assertThat(closed.unmatchedQuantity()).isEqualTo(100);
                });
        assertThat(book.entry(Side.REQUEST, "tashkent").balance()).isEqualTo(Balance.openOnly(100));
    }

    @Test
    void a_proposal_nobody_answers_lapses_on_a_clock_tick_and_the_need_goes_to_the_next_donor() {
        book.request("tashkent", GOWNS, 100, "UZ", HIGH);
        book.offer("silent", GOWNS, 100, "UZ");
        book.offer("next", GOWNS, 100, "143");

        book.at(Book.NOW.plus(Duration.ofHours(48))).tick();
        assertThat(book.changes()).as("not before the deadline has passed").isEmpty();

        List<MatchEvent> decided =
                book.at(Book.NOW.plus(Duration.ofHours(48)).plusSeconds(1)).tick();

        assertThat(decided.get(0)).isInstanceOfSatisfying(MatchStatusChanged.class, change -> {
            assertThat(change.status()).isEqualTo(MatchStatus.LAPSED);
            assertThat(change.reason()).isEqualTo(MatchEndReason.NO_ANSWER);
            assertThat(change.actor().party()).isEqualTo(Party.MATCHER);
            assertThat(change.offerClosed()).isEqualTo(100);
        });
        assertThat(book.pairs()).containsExactly("tashkent->silent:100@UZ", "tashkent->next:100@143");
        assertThat(book.made("tashkent", "next").reason().explanation())
                .startsWith("Re-matched after donor-silent did not answer in time.");
        assertThat(decided).filteredOn(OfferClosed.class::isInstance).hasSize(1);
        assertBalanced();
    }

    @Test
    void a_requester_who_no_longer_needs_it_closes_its_side_and_the_donor_serves_the_next_request() {
        book.request("tashkent", GOWNS, 100, "UZ", HIGH);
        book.offer("silk-road", GOWNS, 100, "143");
        book.request("bishkek", GOWNS, 100, "KG", HIGH);
        book.accept("tashkent", "silk-road");

        book.decline("tashkent", "silk-road", book.requesterOf("tashkent", "silk-road"), NO_LONGER_NEEDED);

        assertThat(book.pairs()).containsExactly("tashkent->silk-road:100@143", "bishkek->silk-road:100@143");
        assertThat(book.made("bishkek", "silk-road").reason().trigger()).isEqualTo(Trigger.OFFER_RETURNED);
        assertThat(book.history())
                .filteredOn(RequestClosed.class::isInstance)
                .singleElement()
                .isInstanceOfSatisfying(RequestClosed.class, closed -> {
                    assertThat(closed.requestId()).isEqualTo("tashkent");
                    assertThat(closed.unmatchedQuantity()).isEqualTo(100);
                });
    }

    @Test
    void a_pair_that_matched_once_never_matches_again_even_when_both_sides_get_their_quantity_back() {
        book.request("tashkent", GOWNS, 100, "UZ", HIGH);
        book.offer("silk-road", GOWNS, 100, "UZ");

        book.decline("tashkent", "silk-road", book.requesterOf("tashkent", "silk-road"), PREFERS_DIFFERENT);

        assertThat(book.pairs()).containsExactly("tashkent->silk-road:100@UZ");
        assertThat(book.entry(Side.REQUEST, "tashkent").remaining()).isEqualTo(100);
        assertThat(book.entry(Side.OFFER, "silk-road").remaining()).isEqualTo(100);
        book.offer("other", GOWNS, 100, "UZ");
        book.request("samarkand", GOWNS, 100, "UZ", HIGH);
        assertThat(book.pairs())
                .containsExactly("tashkent->silk-road:100@UZ", "tashkent->other:100@UZ", "samarkand->silk-road:100@UZ");
    }

    @Test
    void a_coordinator_cancels_a_proposal_and_both_sides_return_but_a_donor_must_decline_a_proposal() {
        book.request("tashkent", GOWNS, 100, "UZ", HIGH);
        book.offer("silk-road", GOWNS, 100, "UZ");

        assertThat(book.cancelMatch("tashkent", "silk-road", book.donorOf("tashkent", "silk-road"), OTHER))
                .singleElement()
                .isInstanceOfSatisfying(
                        CommandRefused.class,
                        refused -> assertThat(refused.status()).isEqualTo(MatchStatus.PROPOSED));
        assertThat(book.cancelMatch("tashkent", "silk-road", Book.COORDINATOR, OTHER)
                        .get(0))
                .isInstanceOfSatisfying(MatchStatusChanged.class, change -> {
                    assertThat(change.status()).isEqualTo(MatchStatus.CANCELLED);
                    assertThat(change.requestReturned()).isEqualTo(100);
                    assertThat(change.offerReturned()).isEqualTo(100);
                });
    }

    @Test
    void a_short_dispatch_releases_the_rest_to_the_request_which_is_matched_again_at_once() {
        book.request("tashkent", GOWNS, 100, "UZ", HIGH);
        book.offer("silk-road", GOWNS, 100, "UZ");
        book.offer("reserve", GOWNS, 500, "143");
        book.accept("tashkent", "silk-road");

        assertThat(book.dispatch("tashkent", "silk-road", 101)).singleElement().isInstanceOf(CommandRefused.class);
        List<MatchEvent> decided = book.dispatch("tashkent", "silk-road", 60);

        assertThat(decided.get(0)).isInstanceOfSatisfying(MatchStatusChanged.class, change -> {
            assertThat(change.status()).isEqualTo(MatchStatus.DISPATCHED);
            assertThat(change.shippedQuantity()).isEqualTo(60);
            assertThat(change.requestReturned()).isEqualTo(40);
            assertThat(change.offerClosed()).isEqualTo(40);
            assertThat(change.deadline()).isEqualTo(Book.NOW.plus(Duration.ofDays(30)));
        });
        assertThat(book.pairs()).containsExactly("tashkent->silk-road:100@UZ", "tashkent->reserve:40@143");
        assertThat(book.dispatch("tashkent", "silk-road", 60))
                .as("dispatched once")
                .singleElement()
                .isInstanceOf(CommandRefused.class);
        assertThat(book.entry(Side.REQUEST, "tashkent").balance()).isEqualTo(new Balance(0, 40, 0, 60, 0, 0));
        assertBalanced();
    }

    @Test
    void a_short_receipt_delivers_the_good_part_and_the_shortfall_is_matched_again() {
        book.request("tashkent", GOWNS, 100, "UZ", HIGH);
        book.offer("silk-road", GOWNS, 100, "UZ");
        book.accept("tashkent", "silk-road");
        book.dispatch("tashkent", "silk-road", 100);
        book.offer("reserve", GOWNS, 500, "143");

        assertThat(book.receive("tashkent", "silk-road", 101)).singleElement().isInstanceOf(CommandRefused.class);
        List<MatchEvent> decided = book.receive("tashkent", "silk-road", 80);

        assertThat(decided.get(0)).isInstanceOfSatisfying(MatchStatusChanged.class, change -> {
            assertThat(change.status()).isEqualTo(MatchStatus.RECEIVED);
            assertThat(change.receivedQuantity()).isEqualTo(80);
            assertThat(change.requestReturned()).isEqualTo(20);
            assertThat(change.offerClosed()).as("lost or damaged").isEqualTo(20);
        });
        assertThat(book.pairs()).endsWith("tashkent->reserve:20@143");
        assertThat(book.entry(Side.REQUEST, "tashkent").balance()).isEqualTo(new Balance(0, 20, 0, 0, 80, 0));
        assertThat(decided)
                .filteredOn(OfferClosed.class::isInstance)
                .singleElement()
                .isInstanceOfSatisfying(OfferClosed.class, closed -> {
                    assertThat(closed.matchedQuantity()).isEqualTo(80);
                    assertThat(closed.unmatchedQuantity()).isEqualTo(20);
                });
        assertBalanced();
    }

    @Test
    void a_dispatch_without_receipt_is_overdue_after_30_days_and_a_late_receipt_still_counts() {
        book.request("tashkent", GOWNS, 100, "UZ", HIGH);
        book.offer("silk-road", GOWNS, 100, "UZ");
        book.accept("tashkent", "silk-road");
        book.dispatch("tashkent", "silk-road", 100);

        List<MatchEvent> decided = book.at(Book.NOW.plus(Duration.ofDays(31))).tick();

        assertThat(decided)
                .singleElement()
                .isInstanceOfSatisfying(
                        MatchStatusChanged.class,
                        change -> assertThat(change.status()).isEqualTo(MatchStatus.OVERDUE));
        assertThat(book.at(Book.NOW.plus(Duration.ofDays(60))).tick())
                .as("flagged once")
                .isEmpty();
        book.receive("tashkent", "silk-road", 100);
        assertThat(book.history())
                .filteredOn(RequestClosed.class::isInstance)
                .singleElement()
                .isInstanceOfSatisfying(RequestClosed.class, closed -> {
                    assertThat(closed.reason()).isEqualTo(CloseReason.FULFILLED);
                    assertThat(closed.matchedQuantity()).isEqualTo(100);
                });
    }

    @Test
    void a_withdrawn_offer_ends_its_proposed_and_accepted_matches_and_their_requests_draw_again() {
        book.request("tashkent", GOWNS, 50, "UZ", HIGH);
        book.request("bishkek", GOWNS, 50, "KG", HIGH);
        book.offer("silk-road", GOWNS, 100, "143");
        book.accept("tashkent", "silk-road");
        book.offer("reserve", GOWNS, 30, "143");

        book.withdraw("silk-road", GOWNS);

        assertThat(book.changes())
                .filteredOn(change -> change.status() == MatchStatus.CANCELLED)
                .extracting(MatchStatusChanged::requestId, MatchStatusChanged::reason)
                .containsExactly(
                        org.assertj.core.api.Assertions.tuple("tashkent", MatchEndReason.OFFER_WITHDRAWN),
                        org.assertj.core.api.Assertions.tuple("bishkek", MatchEndReason.OFFER_WITHDRAWN));
        assertThat(book.pairs()).endsWith("tashkent->reserve:30@143");
        assertBalanced();
    }

    @Test
    void an_expiring_request_ends_its_proposals_but_accepted_matches_stand() {
        book.request("tashkent", GOWNS, 100, "UZ", HIGH, LocalDate.parse("2026-11-30"));
        book.offer("proposed", GOWNS, 40, "UZ");
        book.offer("accepted", GOWNS, 40, "UZ");
        book.accept("tashkent", "accepted");
        book.request("samarkand", GOWNS, 40, "UZ", HIGH);

        List<MatchEvent> decided = book.at(Book.NOW.plus(Duration.ofDays(2))).tick();

        assertThat(decided.get(0)).isInstanceOfSatisfying(MatchStatusChanged.class, change -> {
            assertThat(change.offerId()).isEqualTo("proposed");
            assertThat(change.reason()).isEqualTo(MatchEndReason.REQUEST_EXPIRED);
        });
        assertThat(book.pairs()).endsWith("samarkand->proposed:40@UZ");
        assertThat(book.book().match(book.matchOf("tashkent", "accepted"))).isPresent();
        assertThat(decided)
                .filteredOn(RequestClosed.class::isInstance)
                .singleElement()
                .isInstanceOfSatisfying(RequestClosed.class, closed -> {
                    assertThat(closed.reason()).isEqualTo(CloseReason.EXPIRED);
                    assertThat(closed.matchedQuantity()).isEqualTo(40);
                });
    }

    @Test
    void only_the_party_concerned_or_a_coordinator_may_act_and_anyone_else_is_refused() {
        book.request("tashkent", GOWNS, 100, "UZ", HIGH);
        book.offer("silk-road", GOWNS, 100, "UZ");

        assertThat(book.accept("tashkent", "silk-road", new Actor("someone-else", Party.DONOR)))
                .singleElement()
                .isInstanceOf(CommandRefused.class);
        assertThat(book.accept("tashkent", "silk-road", book.requesterOf("tashkent", "silk-road")))
                .as("a requester does not accept for the donor")
                .singleElement()
                .isInstanceOf(CommandRefused.class);
        assertThat(book.accept("tashkent", "silk-road", Book.COORDINATOR).get(0))
                .isInstanceOf(MatchStatusChanged.class);
    }

    @Test
    void a_command_on_an_unknown_or_ended_match_is_refused_without_a_status() {
        book.request("tashkent", GOWNS, 100, "UZ", HIGH);
        book.offer("silk-road", GOWNS, 100, "UZ");
        book.deliver("tashkent", "silk-road");

        assertThat(book.accept("tashkent", "silk-road"))
                .singleElement()
                .isInstanceOfSatisfying(
                        CommandRefused.class,
                        refused -> assertThat(refused.status()).isNull());
    }

    @Test
    void commands_that_break_the_contract_are_rejected_and_change_nothing() {
        book.request("tashkent", GOWNS, 100, "UZ", HIGH);
        book.offer("silk-road", GOWNS, 100, "UZ");
        Actor donor = book.donorOf("tashkent", "silk-road");

        assertThatThrownBy(() -> book.decline("tashkent", "silk-road", donor, NO_LONGER_NEEDED))
                .isInstanceOf(RejectedEvent.class);
        assertThatThrownBy(() -> book.decline("tashkent", "silk-road", Actor.MATCHER, OTHER))
                .isInstanceOf(RejectedEvent.class);
        assertThatThrownBy(() -> book.command(new DispatchMatch(
                        "x", book.matchOf("tashkent", "silk-road"), GOWNS, donor, 0, null, null, Book.NOW, 1)))
                .isInstanceOf(RejectedEvent.class);
        assertThat(book.entry(Side.OFFER, "silk-road").balance()).isEqualTo(new Balance(0, 100, 0, 0, 0, 0));
    }

    /** Rule 15 for every entry the book holds whole. */
    private void assertBalanced() {
        for (BookEntry entry : book.book().entries()) {
            assertThat(entry.balance().total()).as("balance of %s", entry.id()).isEqualTo(entry.quantity());
        }
    }
}
