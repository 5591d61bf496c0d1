package org.aidmatch.service.imports;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The columns of one kind of bulk import. A sheet names its columns by HXL hashtag, by heading or
 * by field name, in any order and any case; columns it does not name are empty in every row.
 */
public record ImportLayout(String kind, List<ImportColumn> columns) {

    /** The most rows one import takes; larger lists are split into several files. */
    public static final int MAX_ROWS = 5_000;

    public ImportLayout {
        columns = List.copyOf(columns);
    }

    /** The column a sheet's heading or hashtag names, ignoring case, spaces and HXL attribute order. */
    public Optional<ImportColumn> column(String heading) {
        String wanted = heading.strip();
        if (wanted.startsWith("#")) {
            String tag = canonicalHxl(wanted);
            Optional<ImportColumn> exact = columns.stream()
                    .filter(column -> canonicalHxl(column.hxl()).equals(tag))
                    .findFirst();
            if (exact.isPresent()) {
                return exact;
            }
            // HXL lets a sheet say less: #item+num is the quantity, as long as only one column fits
            List<ImportColumn> wider = columns.stream()
                    .filter(column -> attributes(column.hxl()).containsAll(attributes(wanted))
                            && hashtag(column.hxl()).equals(hashtag(wanted)))
                    .toList();
            return wider.size() == 1 ? Optional.of(wider.get(0)) : Optional.empty();
        }
        String name = wanted.toLowerCase(Locale.ROOT).replace(" ", "").replace("-", "");
        return columns.stream()
                .filter(column -> column.field().toLowerCase(Locale.ROOT).equals(name)
                        || column.header()
                                .toLowerCase(Locale.ROOT)
                                .replace(" ", "")
                                .replace("-", "")
                                .equals(name))
                .findFirst();
    }

    /** HXL attributes are unordered: {@code #item+num+offered} and {@code #item +offered +num} are one tag. */
    static String canonicalHxl(String tag) {
        String[] parts = tag.toLowerCase(Locale.ROOT).replace(" ", "").split("\\+");
        String[] attributes = Arrays.copyOfRange(parts, 1, parts.length);
        Arrays.sort(attributes);
        return parts[0] + (attributes.length == 0 ? "" : "+" + String.join("+", attributes));
    }

    private static String hashtag(String tag) {
        return canonicalHxl(tag).split("\\+")[0];
    }

    private static List<String> attributes(String tag) {
        String[] parts = canonicalHxl(tag).split("\\+");
        return Arrays.asList(parts).subList(1, parts.length);
    }

    /** Whether every non-blank cell of the row is a hashtag: an HXL hashtag row. */
    static boolean isHashtagRow(List<String> cells) {
        boolean any = false;
        for (String cell : cells) {
            if (cell.isBlank()) {
                continue;
            }
            if (!cell.strip().startsWith("#")) {
                return false;
            }
            any = true;
        }
        return any;
    }
}
