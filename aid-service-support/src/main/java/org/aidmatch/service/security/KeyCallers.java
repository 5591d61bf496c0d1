package org.aidmatch.service.security;

import java.time.Instant;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import org.aidmatch.contracts.organisations.ApiKey;
import org.aidmatch.contracts.organisations.Organisation;
import org.aidmatch.service.directory.Directory;

/**
 * Whom an API key stands for: a key of the keys file (the bootstrap, for the first coordinator and
 * for deployments that predate the directory), or a key issued through the directory. Either
 * stops working when the directory says its organisation is not ACTIVE, and a directory key when
 * it is revoked.
 */
public final class KeyCallers {

    /** What a key turned out to be. */
    public sealed interface Lookup {}

    public record Known(Caller caller) implements Lookup {}

    public record Refused(String reason) implements Lookup {}

    /** The key is in neither place, but the directory is still being read, so it may yet be. */
    public record NotReady() implements Lookup {}

    private final ApiKeys file;
    private final Directory directory;
    private final BooleanSupplier directoryLoaded;
    private final Runnable catchUp;
    private final BiConsumer<String, Instant> used;

    /**
     * @param directoryLoaded whether the directory holds what its topics held when this instance started
     * @param catchUp waits, bounded, until the directory holds what its topics hold now
     * @param used told of each use of a directory key, by key id
     */
    public KeyCallers(
            ApiKeys file,
            Directory directory,
            BooleanSupplier directoryLoaded,
            Runnable catchUp,
            BiConsumer<String, Instant> used) {
        this.file = file;
        this.directory = directory;
        this.directoryLoaded = directoryLoaded;
        this.catchUp = catchUp;
        this.used = used;
    }

    public Lookup find(String key, Instant now) {
        if (key == null || key.isBlank()) {
            return new Refused("Unknown API key.");
        }
        String digest = ApiKeys.sha256(key);
        Optional<Caller> fromFile = file.findByDigest(digest);
        if (fromFile.isPresent()) {
            return stillActive(fromFile.get().organization()).orElse(new Known(fromFile.get()));
        }
        Lookup fromDirectory = inDirectory(digest, now);
        if (fromDirectory instanceof Refused && directoryLoaded.getAsBoolean()) {
            // Issued or approved a moment ago on another instance, perhaps: look once more, up to date.
            catchUp.run();
            return inDirectory(digest, now);
        }
        return fromDirectory;
    }

    private Lookup inDirectory(String digest, Instant now) {
        Optional<ApiKey> issued = directory.keyByDigest(digest);
        if (issued.isEmpty()) {
            return directoryLoaded.getAsBoolean() ? new Refused("Unknown API key.") : new NotReady();
        }
        ApiKey found = issued.get();
        if (found.isRevoked()) {
            return new Refused("Unknown API key: this key was revoked.");
        }
        Optional<Organisation> organisation = directory.organisation(found.organisation());
        if (organisation.isEmpty() || !organisation.get().isActive()) {
            return new Refused(notActive(found.organisation(), organisation));
        }
        used.accept(found.keyId(), now);
        return new Known(new Caller(found.organisation(), organisation.get().roles(), found.admin(), found.keyId()));
    }

    /** A refusal when the directory holds the organisation and it is not ACTIVE. */
    public Optional<Lookup> stillActive(String organisation) {
        Optional<Organisation> record = directory.organisation(organisation);
        if (record.isPresent() && !record.get().isActive()) {
            return Optional.of(new Refused(notActive(organisation, record)));
        }
        return Optional.empty();
    }

    private static String notActive(String name, Optional<Organisation> record) {
        return "Unknown API key: " + name + " is "
                + record.map(organisation -> organisation.status().name()).orElse("not in the directory") + ".";
    }
}
