package org.aidmatch.service.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aidmatch.service.problem.Problems;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.MediaType;
import org.springframework.web.ErrorResponseException;

/**
 * Reads the rows of an uploaded needs or offers list: CSV (UTF-8, comma or semicolon, as Excel
 * saves it in different locales) or the first sheet of an Excel {@code .xlsx} workbook.
 *
 * <p>The headings are the first row. When the row under them is an HXL hashtag row, as in the
 * template, the hashtags name the columns; a sheet whose first row is the hashtag row works too. A
 * column that names nothing in the layout is refused, so that a misspelt heading is not quietly
 * ignored. Blank rows are skipped.
 */
public final class SheetReader {

    public static final MediaType XLSX = MediaType.parseMediaType(ImportTemplate.XLSX_TYPE);

    static {
        // An upload may be at most 4 MiB, but a zip inflates: POI already refuses parts that
        // inflate more than 100 times; this also caps each part, far above the 2 to 3 MiB of XML
        // that a sheet of 5,000 full rows takes, so that no upload can take much memory.
        ZipSecureFile.setMaxEntrySize(32L * 1024 * 1024);
    }

    private SheetReader() {}

    public static List<SheetRow> read(byte[] body, MediaType type, ImportLayout layout) {
        if (body.length == 0) {
            throw Problems.badRequest("The upload is empty: send a CSV file or an .xlsx workbook.");
        }
        List<List<String>> lines = isXlsx(body, type) ? xlsx(body) : csv(body);
        return rows(lines, layout);
    }

    private static boolean isXlsx(byte[] body, MediaType type) {
        // A zip file starts with PK; browsers often send .xlsx as application/octet-stream.
        return XLSX.includes(type) || (body.length > 1 && body[0] == 'P' && body[1] == 'K');
    }

    private static List<SheetRow> rows(List<List<String>> lines, ImportLayout layout) {
        int first = 0;
        while (first < lines.size() && blank(lines.get(first))) {
            first++;
        }
        if (first == lines.size()) {
            throw Problems.badRequest("The sheet has no headings: use the template.");
        }
        List<String> headings = lines.get(first);
        int dataStart = first + 1;
        if (!ImportLayout.isHashtagRow(headings)
                && dataStart < lines.size()
                && ImportLayout.isHashtagRow(lines.get(dataStart))) {
            headings = lines.get(dataStart);
            dataStart++;
        }
        Map<Integer, String> fieldByIndex = fields(headings, layout);
        List<SheetRow> rows = new ArrayList<>();
        for (int i = dataStart; i < lines.size(); i++) {
            List<String> cells = lines.get(i);
            if (blank(cells)) {
                continue;
            }
            if (rows.size() == ImportLayout.MAX_ROWS) {
                throw Problems.badRequest(
                        "The sheet has more than " + ImportLayout.MAX_ROWS + " rows: split it into several files.");
            }
            Map<String, String> byField = new HashMap<>();
            for (int c = 0; c < cells.size(); c++) {
                String field = fieldByIndex.get(c);
                String value = cells.get(c).strip();
                if (field != null && !value.isEmpty()) {
                    byField.put(field, value);
                }
            }
            rows.add(new SheetRow(i + 1, byField));
        }
        return rows;
    }

    private static Map<Integer, String> fields(List<String> headings, ImportLayout layout) {
        Map<Integer, String> byIndex = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (int c = 0; c < headings.size(); c++) {
            String heading = headings.get(c).strip();
            if (heading.isEmpty()) {
                continue;
            }
            int index = c;
            layout.column(heading)
                    .ifPresentOrElse(
                            column -> {
                                if (byIndex.containsValue(column.field())) {
                                    throw Problems.badRequest(
                                            "Two columns are both '" + column.header() + "' (" + column.hxl() + ").");
                                }
                                byIndex.put(index, column.field());
                            },
                            () -> unknown.add(heading));
        }
        if (!unknown.isEmpty()) {
            throw Problems.badRequest("Unknown column(s) " + unknown + ". The columns are: "
                    + layout.columns().stream()
                            .map(column -> column.header() + " (" + column.hxl() + ")")
                            .toList()
                    + ".");
        }
        return byIndex;
    }

    private static boolean blank(List<String> cells) {
        return cells.stream().allMatch(String::isBlank);
    }

    private static List<List<String>> csv(byte[] body) {
        int start = hasUtf8Bom(body) ? 3 : 0;
        String firstLine = new String(body, start, Math.min(body.length - start, 4096), StandardCharsets.UTF_8)
                .lines()
                .findFirst()
                .orElse("");
        char delimiter = count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).get();
        try (Reader reader = new InputStreamReader(
                        new ByteArrayInputStream(body, start, body.length - start), StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(reader, format)) {
            List<List<String>> lines = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (lines.size() > ImportLayout.MAX_ROWS + 2) {
                    break; // rows() reports the excess
                }
                lines.add(record.toList());
            }
            return lines;
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw unreadable("a CSV file", e);
        }
    }

    private static List<List<String>> xlsx(byte[] body) {
        try (InputStream in = new ByteArrayInputStream(body);
                XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            List<List<String>> lines = new ArrayList<>();
            for (int r = 0; r <= sheet.getLastRowNum() && lines.size() <= ImportLayout.MAX_ROWS + 2; r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                        cells.add(text(row.getCell(c)));
                    }
                }
                lines.add(cells);
            }
            return lines;
        } catch (IOException | RuntimeException e) {
            throw unreadable("an .xlsx workbook", e);
        }
    }

    /** A cell as a single post would spell it: whole numbers without ".0", dates as ISO dates. */
    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            case NUMERIC ->
                DateUtil.isCellDateFormatted(cell)
                        ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                        : BigDecimal.valueOf(cell.getNumericCellValue())
                                .stripTrailingZeros()
                                .toPlainString();
            default -> "";
        };
    }

    private static boolean hasUtf8Bom(byte[] body) {
        return body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF;
    }

    private static long count(String text, char c) {
        return text.chars().filter(ch -> ch == c).count();
    }

    private static ErrorResponseException unreadable(String what, Exception e) {
        return Problems.badRequest("The upload is not " + what + " that can be read: " + e.getMessage());
    }
}
