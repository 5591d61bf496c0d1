package org.aidmatch.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** API keys for tests, and a keys file holding only their SHA-256 digests, as the services expect. */
public final class TestApiKeys {

    public static final String REQUESTER = "test-requester-key";
    public static final String REQUESTER_ORG = "Kenyatta National Hospital";
    public static final String OTHER_REQUESTER = "test-other-requester-key";
    public static final String OTHER_REQUESTER_ORG = "Aga Khan University Hospital";
    public static final String DONOR = "test-donor-key";
    public static final String DONOR_ORG = "Silk Road Relief Foundation";
    public static final String OTHER_DONOR = "test-other-donor-key";
    public static final String OTHER_DONOR_ORG = "Eurasia Medical Aid";
    public static final String COORDINATOR = "test-coordinator-key";
    public static final String COORDINATOR_ORG = "SIRONET Coordination Desk";

    private static Path file;

    private TestApiKeys() {}

    /** A keys file for all the keys above, written once per JVM. */
    public static synchronized Path file() {
        if (file == null) {
            String csv = "key_sha256,organization,roles\n"
                    + line(REQUESTER, REQUESTER_ORG, "REQUESTER")
                    + line(OTHER_REQUESTER, OTHER_REQUESTER_ORG, "REQUESTER")
                    + line(DONOR, DONOR_ORG, "DONOR")
                    + line(OTHER_DONOR, OTHER_DONOR_ORG, "DONOR")
                    + line(COORDINATOR, COORDINATOR_ORG, "COORDINATOR");
            try {
                file = Files.createTempFile("aidmatch-test-keys", ".csv");
                Files.writeString(file, csv, StandardCharsets.UTF_8);
                file.toFile().deleteOnExit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return file;
    }

    private static String line(String key, String organization, String roles) {
        return sha256(key) + "," + organization + "," + roles + "\n";
    }

    private static String sha256(String key) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
