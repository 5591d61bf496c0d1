package org.aidmatch.matcher.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * CSV as spreadsheets and HDX read it: UTF-8 with a byte-order mark, RFC 4180 quoting, CRLF line
 * ends, a header row and then the HXL hashtag row that tags each column.
 */
final class HxlCsv {

    private final StringBuilder out = new StringBuilder("\uFEFF");

    HxlCsv(List<String> headers, List<String> hashtags) {
        if (headers.size() != hashtags.size()) {
            throw new IllegalArgumentException("one hashtag per column");
        }
        row(headers);
        row(hashtags);
    }

    HxlCsv row(List<?> values) {
        out.append(values.stream().map(HxlCsv::field).collect(Collectors.joining(","))).append("\r\n");
        return this;
    }

    byte[] bytes() {
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String field(Object value) {
        String text = value == null ? "" : value.toString();
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
