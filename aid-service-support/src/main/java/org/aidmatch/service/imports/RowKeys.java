package org.aidmatch.service.imports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code Idempotency-Key} each row posts under: a digest of its content, and which occurrence
 * of that content it is in the file. Uploading the same list again, or the list with rows moved,
 * fixed or added, posts each unchanged row under the key it had, so nothing is posted twice; two
 * identical rows in one file are two postings, as the user wrote them.
 */
public final class RowKeys {

    private RowKeys() {}

    public static List<String> of(List<SheetRow> rows) {
        Map<String, Integer> seen = new HashMap<>();
        List<String> keys = new ArrayList<>(rows.size());
        for (SheetRow row : rows) {
            String digest = digest(row);
            int occurrence = seen.merge(digest, 1, Integer::sum);
            keys.add("import:" + digest + ":" + occurrence);
        }
        return keys;
    }

    private static String digest(SheetRow row) {
        StringBuilder canonical = new StringBuilder();
        new TreeMap<>(row.cells())
                .forEach((field, value) ->
                        canonical.append(field).append('=').append(value).append('\n'));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
