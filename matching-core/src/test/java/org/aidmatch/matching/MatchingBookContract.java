package org.aidmatch.matching;

import static org.aidmatch.contracts.events.Urgency.CRITICAL;
import static org.aidmatch.contracts.events.Urgency.HIGH;
import static org.aidmatch.contracts.events.Urgency.NORMAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.aidmatch.contracts.events.CloseReason;
import org.aidmatch.contracts.events.MatchEndReason;
import org.aidmatch.contracts.events.MatchMade;
import org.aidmatch.contracts.events.MatchReason.Trigger;
import org.aidmatch.contracts.events.MatchStatus;
import org.aidmatch.contracts.events.MatchStatusChanged;
import org.aidmatch.contracts.events.OfferClosed;
import org.aidmatch.contracts.events.RequestClosed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The matching rules of {@link MatchingBook}, as scenarios every implementation must pass. */
abstract class MatchingBookContract {

    private static final String RESPIRATORS = "PPE-RESPIRATOR";
    private static final String PCR = "DX-PCR-TEST";
    private static final LocalDate DEC_1 = LocalDate.parse("2026-12-01");
    private static final LocalDate DEC_5 = LocalDate.parse("2026-12-05");

    private Book book;

    abstract MatchingBook newBook();

    abstract MatchingBook newBook(Duration closedIdHorizon);

    @BeforeEach
    void setUp() {
        book = new Book(newBook());
    }

    @Test
    void a_duplicate_is_ignored_for_180_days_after_closing_and_then_the_id_is_forgotten_and_posted_anew() {
        Instant closing = Book.NOW;
        book.request("nairobi", RESPIRATORS, 100, "KE", HIGH);
        book.offer("relief", RESPIRATORS, 100, "KE");
        book.deliver("nairobi", "relief");
        assertThat(book.book().takeChanges().forgotten()).isEmpty();

        book.at(closing.plus(Duration.ofDays(180)));
        assertThat(book.request("nairobi", RESPIRATORS, 100, "KE", HIGH))
                .as("on the horizon: a duplicate")
                .isEmpty();
        assertThat(book.book().entry(Side.REQUEST, "nairobi")).hasValueSatisfying(entry -> {
            assertThat(entry.closedAs()).isEqualTo(CloseReason.FULFILLED);
            assertThat(entry.closedAt()).isEqualTo(closing);
        });

        book.at(closing.plus(Duration.ofDays(180)).plusSeconds(1));
        book.offer("more", RESPIRATORS, 100, "KE");

        assertThat(book.book().takeChanges().forgotten())
                .extracting(BookEntry::side, BookEntry::id)
                .containsExactlyInAnyOrder(tuple(Side.REQUEST, "nairobi"), tuple(Side.OFFER, "relief"));
        assertThat(book.book().takeChanges().forgotten()).as("handed over once").isEmpty();
        assertThat(book.book().entry(Side.REQUEST, "nairobi")).isEmpty();
        book.request("nairobi", RESPIRATORS, 40, "KE", HIGH);
        assertThat(book.pairs())
                .as("past the horizon the id is a new request")
                .containsExactly("nairobi->relief:100@KE", "nairobi->more:40@KE");
    }

    @Test
    void a_restored_closed_id_without_a_closing_time_counts_from_the_first_event_after_the_restore() {
        MatchingBook restored = newBook(Duration.ofDays(10));
        restored.restore(BookEntry.settled(Side.REQUEST, "old", CloseReason.CANCELLED, null));
        Book later = new Book(restored).at(Book.NOW);
        later.offer("relief", RESPIRATORS, 10, "KE");

        later.at(Book.NOW.plus(Duration.ofDays(10)));
        assertThat(later.request("old", RESPIRATORS, 10, "KE", HIGH))
                .as("still remembered")
                .isEmpty();
        later.at(Book.NOW.plus(Duration.ofDays(11)));
        later.request("old", RESPIRATORS, 10, "KE", HIGH);
        assertThat(later.pairs()).containsExactly("old->relief:10@KE");
    }

    @Test
    void forgetting_never_touches_an_open_item() {
        MatchingBook shortMemory = newBook(Duration.ofDays(1));
        Book remembering = new Book(shortMemory);
        remembering.request("waiting", RESPIRATORS, 10, "KE", HIGH);
        remembering.at(Book.NOW.plus(Duration.ofDays(30)));
        remembering.request("waiting", RESPIRATORS, 10, "KE", HIGH);
        remembering.offer("relief", RESPIRATORS, 50, "KE");

        assertThat(remembering.pairs()).containsExactly("waiting->relief:10@KE");
        assertThat(shortMemory.takeChanges().forgotten()).isEmpty();
    }

    @Test
    void a_request_in_kenya_is_served_by_an_offer_for_eastern_africa() {
        book.request("nairobi", RESPIRATORS, 500, "KE", HIGH);
        book.offer("relief", RESPIRATORS, 500, "014");

        assertThat(book.pairs()).containsExactly("nairobi->relief:500@014");
        MatchMade match = book.matches().get(0);
        assertThat(match.requesterOrganization()).isEqualTo("org-nairobi");
        assertThat(match.donorOrganization()).isEqualTo("donor-relief");
        assertThat(match.country()).isEqualTo("KE");
        assertThat(match.reason().trigger()).isEqualTo(Trigger.OFFER_ARRIVED);
        assertThat(match.reason().urgency()).isEqualTo(HIGH);
        assertThat(match.reason().areaLevel()).isEqualTo("SUBREGION");
        assertThat(match.reason().explanation()).contains("Eastern Africa", "Kenya");
    }

    @Test
    void nothing_matches_across_supply_types_or_outside_the_service_area() {
        book.request("nairobi", RESPIRATORS, 500, "KE", HIGH);
        book.offer("tests", PCR, 500, "014");
        book.offer("europe", RESPIRATORS, 500, "150");

        assertThat(book.matches()).isEmpty();
    }

    @Test
    void a_critical_request_in_kenya_is_served_before_a_normal_one_from_an_offer_for_eastern_africa() {
        book.request("normal", RESPIRATORS, 100, "KE", NORMAL);
        book.request("critical", RESPIRATORS, 100, "KE", CRITICAL);
        book.request("high", RESPIRATORS, 100, "TZ", HIGH);

        book.offer("relief", RESPIRATORS, 250, "014");

        assertThat(book.pairs())
                .containsExactly("critical->relief:100@014", "high->relief:100@014", "normal->relief:50@014");
    }

    @Test
    void among_equally_urgent_requests_the_earlier_needed_by_goes_first_and_none_goes_last() {
        book.request("whenever", RESPIRATORS, 10, "KE", HIGH, null);
        book.request("later", RESPIRATORS, 10, "KE", HIGH, DEC_5);
        book.request("sooner", RESPIRATORS, 10, "KE", HIGH, DEC_1);

        book.offer("relief", RESPIRATORS, 30, "KE");

        assertThat(book.pairs())
                .containsExactly("sooner->relief:10@KE", "later->relief:10@KE", "whenever->relief:10@KE");
    }

    @Test
    void a_request_draws_first_on_the_most_specific_offer_country_before_subregion_before_world() {
        book.offer("world", RESPIRATORS, 100, "001");
        book.offer("africa", RESPIRATORS, 100, "002");
        book.offer("kenya", RESPIRATORS, 100, "KE");
        book.offer("east-africa", RESPIRATORS, 100, "014");

        book.request("nairobi", RESPIRATORS, 350, "KE", NORMAL);

        assertThat(book.pairs())
                .containsExactly(
                        "nairobi->kenya:100@KE",
                        "nairobi->east-africa:100@014",
                        "nairobi->africa:100@002",
                        "nairobi->world:50@001");
        assertThat(book.matches().get(0).reason().trigger()).isEqualTo(Trigger.REQUEST_ARRIVED);
    }

    @Test
    void an_offer_is_judged_by_its_most_specific_area_covering_the_country() {
        book.offer("broad", RESPIRATORS, 100, "001", "KE");
        book.offer("regional", RESPIRATORS, 100, "014");

        book.request("nairobi", RESPIRATORS, 100, "KE", NORMAL);

        assertThat(book.pairs()).containsExactly("nairobi->broad:100@KE");
    }

    @Test
    void among_equally_specific_offers_the_earlier_available_until_goes_first_then_arrival() {
        book.offer("open-ended", RESPIRATORS, 10, (LocalDate) null, "KE");
        book.offer("first-dec-5", RESPIRATORS, 10, DEC_5, "KE");
        book.offer("second-dec-5", RESPIRATORS, 10, DEC_5, "KE");
        book.offer("dec-1", RESPIRATORS, 10, DEC_1, "KE");

        book.request("nairobi", RESPIRATORS, 40, "KE", NORMAL);

        assertThat(book.pairs())
                .containsExactly(
                        "nairobi->dec-1:10@KE",
                        "nairobi->first-dec-5:10@KE",
                        "nairobi->second-dec-5:10@KE",
                        "nairobi->open-ended:10@KE");
    }

    @Test
    void groupings_beside_the_parent_chain_count_latin_america_serves_brazil() {
        book.request("sao-paulo", PCR, 1_000, "BR", CRITICAL);
        book.offer("latam", PCR, 400, "419");

        assertThat(book.pairs()).containsExactly("sao-paulo->latam:400@419");
    }

    @Test
    void a_partial_fill_leaves_the_rest_open_and_the_used_up_side_closes_only_once_delivered() {
        book.request("nairobi", RESPIRATORS, 300, "KE", HIGH);
        book.offer("relief", RESPIRATORS, 100, "KE");

        assertThat(book.history()).singleElement().isInstanceOf(MatchMade.class);
        assertThat(book.entry(Side.REQUEST, "nairobi").balance()).isEqualTo(new Balance(200, 100, 0, 0, 0, 0));
        assertThat(book.entry(Side.OFFER, "relief").balance()).isEqualTo(new Balance(0, 100, 0, 0, 0, 0));

        book.offer("more", RESPIRATORS, 500, "001");
        assertThat(book.pairs()).containsExactly("nairobi->relief:100@KE", "nairobi->more:200@001");
        assertThat(book.entry(Side.OFFER, "more").remaining()).isEqualTo(300);

        book.deliver("nairobi", "relief");
        assertThat(book.history())
                .filteredOn(OfferClosed.class::isInstance)
                .singleElement()
                .isInstanceOfSatisfying(OfferClosed.class, closed -> {
                    assertThat(closed.reason()).isEqualTo(CloseReason.FULFILLED);
                    assertThat(closed.matchedQuantity()).isEqualTo(100);
                    assertThat(closed.unmatchedQuantity()).isZero();
                });
        assertThat(book.history()).noneMatch(RequestClosed.class::isInstance);

        book.deliver("nairobi", "more");
        assertThat(book.history())
                .filteredOn(RequestClosed.class::isInstance)
                .singleElement()
                .isInstanceOfSatisfying(
                        RequestClosed.class,
                        closed -> assertThat(closed.reason()).isEqualTo(CloseReason.FULFILLED));
        assertThat(book.entry(Side.REQUEST, "nairobi").settled()).isTrue();
    }

    @Test
    void cancelling_closes_the_open_quantity_ends_proposed_and_accepted_matches_and_keeps_dispatched_ones() {
        book.request("nairobi", RESPIRATORS, 300, "KE", HIGH);
        book.offer("proposed", RESPIRATORS, 100, "KE");
        book.offer("accepted", RESPIRATORS, 100, "KE");
        book.offer("shipped", RESPIRATORS, 50, "KE");
        book.accept("nairobi", "accepted");
        book.accept("nairobi", "shipped");
        book.dispatch("nairobi", "shipped", 50);

        book.cancel("nairobi", RESPIRATORS);
        book.offer("late", RESPIRATORS, 100, "KE");

        assertThat(book.changes())
                .filteredOn(change -> change.status() == MatchStatus.CANCELLED)
                .extracting(MatchStatusChanged::offerId, MatchStatusChanged::reason, MatchStatusChanged::offerReturned)
                .containsExactly(
                        tuple("proposed", MatchEndReason.REQUEST_CANCELLED, 100L),
                        tuple("accepted", MatchEndReason.REQUEST_CANCELLED, 100L));
        assertThat(book.history())
                .filteredOn(RequestClosed.class::isInstance)
                .singleElement()
                .isInstanceOfSatisfying(RequestClosed.class, closed -> {
                    assertThat(closed.reason()).isEqualTo(CloseReason.CANCELLED);
                    assertThat(closed.matchedQuantity())
                            .as("the dispatched match stands")
                            .isEqualTo(50);
                    assertThat(closed.unmatchedQuantity()).isEqualTo(250);
                });
        assertThat(book.entry(Side.OFFER, "proposed").remaining())
                .as("back to the donor")
                .isEqualTo(100);
        assertThat(book.pairs()).doesNotContain("nairobi->late:100@KE");
        assertThat(book.cancel("nairobi", RESPIRATORS))
                .as("a second cancel does nothing")
                .isEmpty();

        book.receive("nairobi", "shipped", 50);
        assertThat(book.entry(Side.REQUEST, "nairobi").settled())
                .as("settled once nothing stands")
                .isTrue();
    }

    @Test
    void a_withdrawn_offer_serves_nobody() {
        book.offer("relief", RESPIRATORS, 100, "KE");
        assertThat(book.withdraw("relief", RESPIRATORS))
                .singleElement()
                .isInstanceOfSatisfying(
                        OfferClosed.class, closed -> assertThat(closed.reason()).isEqualTo(CloseReason.CANCELLED));

        book.request("nairobi", RESPIRATORS, 100, "KE", HIGH);

        assertThat(book.matches()).isEmpty();
    }

    @Test
    void needed_by_is_inclusive_and_an_expired_request_closes_and_is_never_matched() {
        book.request("due-dec-1", RESPIRATORS, 100, "KE", CRITICAL, DEC_1);

        book.at(LocalDate.parse("2026-12-01").atTime(23, 59).toInstant(java.time.ZoneOffset.UTC));
        book.offer("on-the-day", RESPIRATORS, 40, "KE");
        book.at(LocalDate.parse("2026-12-02").atStartOfDay().toInstant(java.time.ZoneOffset.UTC));
        book.offer("too-late", RESPIRATORS, 40, "KE");

        assertThat(book.pairs()).containsExactly("due-dec-1->on-the-day:40@KE");
        assertThat(book.history())
                .filteredOn(RequestClosed.class::isInstance)
                .singleElement()
                .satisfies(event -> assertThat(((RequestClosed) event).reason()).isEqualTo(CloseReason.EXPIRED));
    }

    @Test
    void an_offer_that_arrives_already_expired_is_closed_at_once() {
        book.request("nairobi", RESPIRATORS, 100, "KE", CRITICAL);
        book.offer("stale", RESPIRATORS, 100, LocalDate.parse("2026-11-28"), "KE");

        assertThat(book.matches()).isEmpty();
        assertThat(book.history())
                .singleElement()
                .isInstanceOfSatisfying(
                        OfferClosed.class, closed -> assertThat(closed.reason()).isEqualTo(CloseReason.EXPIRED));
    }

    @Test
    void a_redelivered_posting_is_ignored_even_after_it_closed() {
        book.request("nairobi", RESPIRATORS, 100, "KE", HIGH);
        book.offer("relief", RESPIRATORS, 100, "KE");

        assertThat(book.request("nairobi", RESPIRATORS, 100, "KE", HIGH)).isEmpty();
        assertThat(book.offer("relief", RESPIRATORS, 100, "KE")).isEmpty();
        book.offer("second", RESPIRATORS, 100, "KE");

        assertThat(book.pairs()).containsExactly("nairobi->relief:100@KE");
    }

    @Test
    void match_ids_are_deterministic() {
        book.request("nairobi", RESPIRATORS, 100, "KE", HIGH);
        book.offer("relief", RESPIRATORS, 100, "KE");
        Book again = new Book(newBook());
        again.request("nairobi", RESPIRATORS, 100, "KE", HIGH);
        again.offer("relief", RESPIRATORS, 100, "KE");

        assertThat(again.history()).isEqualTo(book.history());
        assertThat(book.matches().get(0).matchId()).isNotBlank();
    }

    @Test
    void a_book_restored_from_its_entries_and_matches_continues_as_if_never_stopped() {
        book.request("nairobi", RESPIRATORS, 300, "KE", HIGH);
        book.request("mombasa", RESPIRATORS, 100, "KE", CRITICAL);
        book.offer("relief", RESPIRATORS, 150, "014");
        book.accept("mombasa", "relief");
        MatchingBook restored = newBook();
        book.book().entries().forEach(restored::restore);
        book.book().standingMatches().forEach(restored::restore);
        int before = book.history().size();
        Book continued = new Book(restored);

        for (Book each : List.of(book, continued)) {
            each.request("mombasa", RESPIRATORS, 100, "KE", CRITICAL);
            each.offer("more", RESPIRATORS, 1_000, "KE");
            each.command(new org.aidmatch.contracts.commands.DeclineMatch(
                    "decline-1",
                    book.matchOf("nairobi", "relief"),
                    RESPIRATORS,
                    book.donorOf("nairobi", "relief"),
                    MatchEndReason.CANNOT_REACH_AREA,
                    null,
                    Book.NOW,
                    1));
            each.at(Book.NOW.plus(Duration.ofDays(3))).tick();
        }
        assertThat(continued.history())
                .hasSize(3)
                .isEqualTo(book.history().subList(before, book.history().size()));
        assertThat(restored.entries()).isEqualTo(book.book().entries());
        assertThat(restored.standingMatches()).isEqualTo(book.book().standingMatches());
    }

    @Test
    void invalid_postings_are_rejected_and_change_nothing() {
        assertThatThrownBy(() -> book.request("bad", "PPE-UNICORN", 1, "KE", HIGH))
                .isInstanceOf(RejectedEvent.class);
        assertThatThrownBy(() -> book.request("bad", RESPIRATORS, 0, "KE", HIGH))
                .isInstanceOf(RejectedEvent.class);
        assertThatThrownBy(() -> book.request("bad", RESPIRATORS, 1, "XX", HIGH))
                .isInstanceOf(RejectedEvent.class);
        assertThatThrownBy(() -> book.offer("bad", RESPIRATORS, 1, "999")).isInstanceOf(RejectedEvent.class);
        assertThatThrownBy(() -> book.offer("bad", RESPIRATORS, 1)).isInstanceOf(RejectedEvent.class);

        assertThat(book.book().openEntries()).isEmpty();
    }
}
