package org.aidmatch.service.directory;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.aidmatch.contracts.TopicValue;
import org.aidmatch.contracts.organisations.ApiKey;
import org.aidmatch.contracts.organisations.ApiKeyUsed;
import org.aidmatch.contracts.organisations.Organisation;
import org.aidmatch.contracts.organisations.OrganisationStatus;

/**
 * The organisations and their keys, as the compacted directory topics hold them, folded in every
 * instance of every service so that a key issued or revoked anywhere works or stops everywhere
 * within moments, with no restart.
 *
 * <p>Memory grows with the organisations and keys ever registered, which compaction also keeps:
 * about a kilobyte each, so a network of 10,000 organisations with a few keys each costs some tens
 * of megabytes. A revoked key is kept, so that its organisation still sees it listed.
 */
public final class Directory {

    private final Map<String, Organisation> byName = new ConcurrentHashMap<>();
    private final Map<String, ApiKey> keysById = new ConcurrentHashMap<>();
    private final Map<String, ApiKey> keysByDigest = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastUsed = new ConcurrentHashMap<>();

    /** Applies one record read from the directory topics; an older version never replaces a newer one. */
    public void apply(TopicValue record) {
        if (record instanceof Organisation organisation) {
            byName.merge(organisation.name(), organisation, (old, now) -> now.version() >= old.version() ? now : old);
        } else if (record instanceof ApiKey key) {
            // Once revoked, a key stays revoked, whatever copy comes later.
            ApiKey kept = keysById.merge(key.keyId(), key, (old, now) -> old.isRevoked() ? old : now);
            keysByDigest.put(kept.digest(), kept);
        } else if (record instanceof ApiKeyUsed used) {
            lastUsed.merge(used.keyId(), used.lastUsedAt(), (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    public Optional<Organisation> organisation(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(byName.get(name));
    }

    /** The organisation whose name is the same as {@code name} but for case and spacing, if any. */
    public Optional<Organisation> sameNameAs(String name) {
        String wanted = normalised(name);
        return byName.values().stream()
                .filter(organisation -> normalised(organisation.name()).equals(wanted))
                .findFirst();
    }

    /** Every organisation, or those in one status; by name. */
    public List<Organisation> organisations(OrganisationStatus status) {
        return byName.values().stream()
                .filter(organisation -> status == null || organisation.status() == status)
                .sorted(Comparator.comparing(Organisation::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    public long count(OrganisationStatus status) {
        return byName.values().stream()
                .filter(organisation -> organisation.status() == status)
                .count();
    }

    /** The key with this digest, revoked or not. */
    public Optional<ApiKey> keyByDigest(String digest) {
        return Optional.ofNullable(keysByDigest.get(digest));
    }

    public Optional<ApiKey> key(String keyId) {
        return keyId == null ? Optional.empty() : Optional.ofNullable(keysById.get(keyId));
    }

    /** An organisation's keys, newest first. */
    public List<ApiKey> keysOf(String organisation) {
        return keysById.values().stream()
                .filter(key -> key.organisation().equals(organisation))
                .sorted(Comparator.comparing(ApiKey::issuedAt).reversed().thenComparing(ApiKey::keyId))
                .toList();
    }

    public Optional<Instant> lastUsed(String keyId) {
        return Optional.ofNullable(lastUsed.get(keyId));
    }

    /** A name as compared for sameness: case and runs of spaces do not count. */
    public static String normalised(String name) {
        return name == null ? "" : name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
