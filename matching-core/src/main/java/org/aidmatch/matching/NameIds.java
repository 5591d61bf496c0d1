package org.aidmatch.matching;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Name-based (version 3) UUIDs of parts joined by ':', exactly as {@link UUID#nameUUIDFromBytes}
 * gives them for the joined text, so that ids stay the same on every replay and across versions.
 *
 * <p>Written out because the book makes several ids per match, and {@code nameUUIDFromBytes} looks
 * up a new digest by reflection and copies the joined text twice for each: a tenth of an event's
 * cost. One digest per thread is reset by each use.
 */
final class NameIds {

    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(NameIds::newDigest);
    private static final byte SEPARATOR = ':';

    private NameIds() {}

    static String of(String... parts) {
        MessageDigest digest = MD5.get();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                digest.update(SEPARATOR);
            }
            digest.update(parts[i].getBytes(StandardCharsets.UTF_8));
        }
        byte[] hash = digest.digest();
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x30);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        return new UUID(longAt(hash, 0), longAt(hash, 8)).toString();
    }

    private static long longAt(byte[] bytes, int from) {
        long value = 0;
        for (int i = from; i < from + 8; i++) {
            value = (value << 8) | (bytes[i] & 0xff);
        }
        return value;
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has MD5", e);
        }
    }
}
