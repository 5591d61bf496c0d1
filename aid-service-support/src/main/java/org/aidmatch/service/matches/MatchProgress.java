package org.aidmatch.service.matches;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.aidmatch.contracts.events.Actor;
import org.aidmatch.contracts.events.MatchMade;
import org.aidmatch.contracts.events.MatchStatus;
import org.aidmatch.contracts.events.MatchStatusChanged;

/**
 * One match folded from {@code aid.matches.v1}: its {@code MatchMade}, then every
 * {@code MatchStatusChanged}, each once. Both travel in the same partition, so the making always
 * comes first. Not thread-safe: the views call it under their own locks.
 */
public final class MatchProgress {

    private final MatchMade made;
    private MatchStatus status;
    private long shipped;
    private long received;
    private String shipmentReference;
    private LocalDate expectedArrival;
    private Instant respondBy;
    private Instant confirmBy;
    private Instant updatedAt;
    private final List<MatchStep> history = new ArrayList<>(4);

    public MatchProgress(MatchMade made) {
        this.made = made;
        this.status = made.status();
        this.respondBy = made.respondBy();
        this.updatedAt = made.occurredAt();
        history.add(new MatchStep(made.occurredAt(), made.status(), Actor.MATCHER, null, null, made.quantity(), null));
    }

    public MatchMade made() {
        return made;
    }

    public MatchStatus status() {
        return status;
    }

    /** Applies a move once; a redelivered one, or one older than the status, changes nothing. */
    public boolean apply(MatchStatusChanged change) {
        if (status != change.previousStatus()) {
            return false;
        }
        status = change.status();
        shipped = change.shippedQuantity();
        received = change.receivedQuantity();
        shipmentReference = change.shipmentReference();
        expectedArrival = change.expectedArrival();
        respondBy = null;
        confirmBy = change.deadline() != null ? change.deadline() : confirmBy;
        updatedAt = change.occurredAt();
        long concerns = switch (change.status()) {
            case DISPATCHED -> change.shippedQuantity();
            case RECEIVED -> change.receivedQuantity();
            default -> change.quantity();
        };
        history.add(new MatchStep(
                change.occurredAt(),
                change.status(),
                change.actor(),
                change.reason(),
                change.note(),
                concerns,
                change.commandId()));
        return true;
    }

    /** Whether the matcher applied this command to the match. */
    public boolean tookCommand(String commandId) {
        return history.stream().anyMatch(step -> commandId.equals(step.commandId()));
    }

    /** What it holds in PROPOSED state, on either side. */
    public long proposed() {
        return status == MatchStatus.PROPOSED ? made.quantity() : 0;
    }

    public long committed() {
        return status == MatchStatus.ACCEPTED ? made.quantity() : 0;
    }

    public long dispatched() {
        return status == MatchStatus.DISPATCHED || status == MatchStatus.OVERDUE ? shipped : 0;
    }

    /** What it delivered; a match made before the lifecycle counts as delivered whole. */
    public long delivered() {
        if (status == null) {
            return made.quantity();
        }
        return status == MatchStatus.RECEIVED ? received : 0;
    }

    public boolean standing() {
        return status != null && !status.ended();
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public MatchDetails details() {
        return new MatchDetails(
                made.matchId(),
                made.requestId(),
                made.offerId(),
                made.requesterOrganization(),
                made.donorOrganization(),
                made.supplyType(),
                made.country(),
                made.matchedArea(),
                made.quantity(),
                status,
                shipped,
                received,
                shipmentReference,
                expectedArrival,
                respondBy,
                status == MatchStatus.DISPATCHED || status == MatchStatus.OVERDUE ? confirmBy : null,
                made.reason(),
                made.occurredAt(),
                updatedAt,
                List.copyOf(history));
    }
}
