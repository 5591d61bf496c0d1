package org.aidmatch.service.catalogue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;
import org.aidmatch.contracts.catalogue.CatalogueEntry;
import org.aidmatch.contracts.catalogue.SupplyType;
import org.aidmatch.contracts.organisations.Role;
import org.aidmatch.contracts.topics.Topics;
import org.aidmatch.service.kafka.EventPublisher;
import org.aidmatch.service.problem.Problems;
import org.aidmatch.service.security.Caller;

/**
 * How coordinators keep the catalogue: they add a type, change its name, category or UNSPSC code,
 * and retire it (no new postings; what is open of it runs to its end). A code is never removed or
 * reused, and a type's unit does not change once anything of it has been posted, since every
 * quantity already given was counted in the old unit. Only coordinators change the catalogue.
 */
public final class CatalogueAdmin {

    private static final Duration READ_WAIT = Duration.ofSeconds(3);

    private final EventPublisher publisher;
    private final LiveCatalogue catalogue;
    private final CatalogueFollower follower;

    public CatalogueAdmin(EventPublisher publisher, LiveCatalogue catalogue, CatalogueFollower follower) {
        this.publisher = publisher;
        this.catalogue = catalogue;
        this.follower = follower;
    }

    public SupplyType add(Caller actor, SupplyTypeBody body, Instant now) {
        coordinatorOnly(actor);
        follower.catchUpWithTopics(READ_WAIT);
        if (catalogue.find(body.code()).isPresent()) {
            throw Problems.conflict("The catalogue already has " + body.code() + "; a code is never reused.");
        }
        SupplyType type = new SupplyType(
                body.code(), body.name().strip(), body.category(), body.unit(), blankToNull(body.unspsc()), false);
        return write(new CatalogueEntry(type, 1, actor.organization(), now, CatalogueEntry.CURRENT_SCHEMA_VERSION));
    }

    /** @param hasPostings whether anything of a code was ever requested or offered */
    public SupplyType change(
            Caller actor, String code, SupplyTypeChange body, Predicate<String> hasPostings, Instant now) {
        coordinatorOnly(actor);
        CatalogueEntry entry = existing(code);
        SupplyType type = entry.type();
        if (!type.unit().equals(body.unit()) && hasPostings.test(code)) {
            throw Problems.conflict(code + " has postings counted in " + type.unit()
                    + ", so its unit cannot change; add a new supply type for " + body.unit() + " instead.");
        }
        SupplyType changed =
                type.renamed(body.name().strip(), body.category(), body.unit(), blankToNull(body.unspsc()));
        return changed.equals(type) ? type : write(next(entry, changed, actor, now));
    }

    /** Retires a type; retiring one already retired changes nothing. */
    public SupplyType retire(Caller actor, String code, Instant now) {
        coordinatorOnly(actor);
        CatalogueEntry entry = existing(code);
        return entry.type().retired()
                ? entry.type()
                : write(next(entry, entry.type().asRetired(), actor, now));
    }

    /** A change of a type only the seed holds yet goes over the seed's own version 1, whenever that is written. */
    private static CatalogueEntry next(CatalogueEntry entry, SupplyType changed, Caller actor, Instant now) {
        return entry.version() == 0
                ? new CatalogueEntry(changed, 2, actor.organization(), now, CatalogueEntry.CURRENT_SCHEMA_VERSION)
                : entry.next(changed, actor.organization(), now);
    }

    private CatalogueEntry existing(String code) {
        follower.catchUpWithTopics(READ_WAIT);
        return catalogue.entry(code).orElseThrow(() -> Problems.notFound("No supply type " + code + "."));
    }

    private SupplyType write(CatalogueEntry entry) {
        publisher.publish(Topics.SUPPLY_TYPES, entry);
        follower.awaitReadable(publisher.lastWritten(), READ_WAIT);
        return catalogue.find(entry.type().code()).orElse(entry.type());
    }

    private static void coordinatorOnly(Caller actor) {
        if (!actor.is(Role.COORDINATOR)) {
            throw Problems.forbidden("Only a coordinator changes the supply catalogue.");
        }
    }

    private static String blankToNull(String text) {
        return Optional.ofNullable(text)
                .filter(value -> !value.isBlank())
                .map(String::strip)
                .orElse(null);
    }
}
