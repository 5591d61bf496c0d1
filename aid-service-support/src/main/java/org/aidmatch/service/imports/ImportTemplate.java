package org.aidmatch.service.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.aidmatch.service.problem.Problems;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The template a user fills in: headings, the HXL hashtag row under them, and one example row, in
 * CSV or as an .xlsx workbook.
 */
public final class ImportTemplate {

    public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private ImportTemplate() {}

    /** The template as a download: {@code format} is xlsx or csv. */
    public static ResponseEntity<byte[]> download(ImportLayout layout, String format) {
        String name = "aidmatch-" + layout.kind() + "-template.";
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "xlsx" -> file(xlsx(layout), MediaType.parseMediaType(XLSX_TYPE), name + "xlsx");
            case "csv" ->
                file(
                        csv(layout).getBytes(StandardCharsets.UTF_8),
                        new MediaType("text", "csv", StandardCharsets.UTF_8),
                        name + "csv");
            default -> throw Problems.badRequest("format must be xlsx or csv, was '" + format + "'.");
        };
    }

    private static ResponseEntity<byte[]> file(byte[] content, MediaType type, String name) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                .body(content);
    }

    public static String csv(ImportLayout layout) {
        return line(layout.columns(), ImportColumn::header)
                + line(layout.columns(), ImportColumn::hxl)
                + line(layout.columns(), ImportColumn::example);
    }

    public static byte[] xlsx(ImportLayout layout) {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet(layout.kind());
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            List<ImportColumn> columns = layout.columns();
            Row headings = sheet.createRow(0);
            Row hashtags = sheet.createRow(1);
            Row example = sheet.createRow(2);
            for (int c = 0; c < columns.size(); c++) {
                headings.createCell(c).setCellValue(columns.get(c).header());
                headings.getCell(c).setCellStyle(bold);
                hashtags.createCell(c).setCellValue(columns.get(c).hxl());
                example.createCell(c).setCellValue(columns.get(c).example());
                sheet.setColumnWidth(c, 22 * 256);
            }
            sheet.createFreezePane(0, 2);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String line(List<ImportColumn> columns, Function<ImportColumn, String> cell) {
        return columns.stream().map(cell).map(ImportTemplate::quoted).collect(Collectors.joining(",")) + "\r\n";
    }

    private static String quoted(String value) {
        return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
