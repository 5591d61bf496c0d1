package org.aidmatch.matcher.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * CSV as spreadsheets and HDX read it: UTF-8 with a byte-order mark, RFC 4180 quoting, CRLF line
 * ends, a header row and then the HXL hashtag row that tags each column; no cell can be read as a
 * formula.
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
        out.append(values.stream().map(HxlCsv::field).collect(Collectors.joining(",")))
                .append("\r\n");
        return this;
    }

    byte[] bytes() {
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String field(Object value) {
        String text = neutralised(value == null ? "" : value.toString());
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    /**
     * A cell that starts with {@code = + - @}, a tab or a carriage return is a formula to Excel and
     * its kin, and coordinators open these files there; an organisation named
     * {@code =HYPERLINK(...)} could run one. As OWASP recommends, such a cell gets a leading
     * apostrophe, which spreadsheets show as text. No AidMatch value starts so on its own: quantities
     * are positive and codes, dates and ids start with a letter or a digit.
     */
    static String neutralised(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }
}
