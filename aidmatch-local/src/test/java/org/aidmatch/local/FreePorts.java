package org.aidmatch.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.aidmatch.testing.TestApiKeys;

/** A port nothing listens on right now, for a broker or service a test starts itself. */
final class FreePorts {

    private FreePorts() {}

    /** A launcher's settings with every port free, in {@code dataDir}, with the test keys. */
    static LocalSettings settings(Path dataDir) {
        return new LocalSettings(
                dataDir,
                next(),
                next(),
                next(),
                next(),
                next(),
                TestApiKeys.file().toString());
    }

    static int next() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
