package org.aidmatch.service.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.ErrorResponseException;

class SheetReaderTest {

    private static final ImportLayout NEEDS = new ImportLayout(
            "needs",
            List.of(
                    new ImportColumn("supplyType", "Supply type", "#item+code", "PPE-GOWN"),
                    new ImportColumn("quantity", "Quantity", "#item+num+needed", "10"),
                    new ImportColumn("neededBy", "Needed by", "#date+needed", "")));
    private static final MediaType CSV = MediaType.parseMediaType("text/csv");

    @Test
    void the_template_reads_back_as_its_example_row_numbered_as_a_spreadsheet_numbers_it() {
        List<SheetRow> rows = SheetReader.read(ImportTemplate.csv(NEEDS).getBytes(StandardCharsets.UTF_8), CSV, NEEDS);
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.number()).isEqualTo(3);
            assertThat(row.cells()).containsEntry("supplyType", "PPE-GOWN").containsEntry("quantity", "10");
        });
        assertThat(SheetReader.read(ImportTemplate.xlsx(NEEDS), SheetReader.XLSX, NEEDS))
                .extracting(SheetRow::cells)
                .containsExactly(rows.get(0).cells());
    }

    @Test
    void excel_csv_with_a_byte_order_mark_semicolons_and_reordered_hxl_attributes_is_read() {
        byte[] csv = ("\uFEFF#item +needed +num;#ITEM+code\n5 000;PPE-GOWN\n;\n7;PPE-GOGGLES\n")
                .getBytes(StandardCharsets.UTF_8);
        List<SheetRow> rows = SheetReader.read(csv, CSV, NEEDS);
        assertThat(rows)
                .extracting(SheetRow::number)
                .as("the blank row is skipped")
                .containsExactly(2, 4);
        assertThat(rows.get(0).cells()).containsEntry("quantity", "5 000").containsEntry("supplyType", "PPE-GOWN");
    }

    @Test
    void a_hashtag_with_fewer_attributes_names_the_one_column_it_fits_and_an_ambiguous_one_is_refused() {
        assertThat(SheetReader.read("#item+num\n12\n".getBytes(StandardCharsets.UTF_8), CSV, NEEDS))
                .singleElement()
                .satisfies(row -> assertThat(row.cells()).containsEntry("quantity", "12"));
        assertThatThrownBy(() -> SheetReader.read("#item\n12\n".getBytes(StandardCharsets.UTF_8), CSV, NEEDS))
                .isInstanceOf(ErrorResponseException.class);
    }

    @Test
    void xlsx_numbers_and_dates_read_as_a_single_post_spells_them() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet();
            Row head = sheet.createRow(0);
            head.createCell(0).setCellValue("Quantity");
            head.createCell(1).setCellValue("Needed by");
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue(5000d);
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
            row.createCell(1).setCellValue(LocalDate.of(2027, 3, 1));
            row.getCell(1).setCellStyle(date);
            workbook.write(out);
            assertThat(SheetReader.read(out.toByteArray(), MediaType.APPLICATION_OCTET_STREAM, NEEDS))
                    .singleElement()
                    .satisfies(read -> assertThat(read.cells())
                            .containsEntry("quantity", "5000")
                            .containsEntry("neededBy", "2027-03-01"));
        }
    }

    @Test
    void an_unknown_column_a_repeated_column_and_too_many_rows_are_refused() {
        assertThatThrownBy(() -> SheetReader.read(
                        "Supply type,Colour\nPPE-GOWN,red\n".getBytes(StandardCharsets.UTF_8), CSV, NEEDS))
                .isInstanceOf(ErrorResponseException.class)
                .hasMessageContaining("Colour");
        assertThatThrownBy(() -> SheetReader.read(
                        "Quantity,#item+num+needed\n1,2\n".getBytes(StandardCharsets.UTF_8), CSV, NEEDS))
                .isInstanceOf(ErrorResponseException.class);
        String large = "#item+code\n" + "PPE-GOWN\n".repeat(ImportLayout.MAX_ROWS + 1);
        assertThatThrownBy(() -> SheetReader.read(large.getBytes(StandardCharsets.UTF_8), CSV, NEEDS))
                .isInstanceOf(ErrorResponseException.class);
        assertThat(SheetReader.read(
                        ("#item+code\n" + "PPE-GOWN\n".repeat(ImportLayout.MAX_ROWS)).getBytes(StandardCharsets.UTF_8),
                        CSV,
                        NEEDS))
                .hasSize(ImportLayout.MAX_ROWS);
    }

    @Test
    void a_zip_bomb_posing_as_a_workbook_is_refused_without_inflating_it() throws IOException {
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bomb)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new java.util.zip.ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] spaces = new byte[1024 * 1024];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 200; i++) {
                zip.write(spaces);
            }
        }
        assertThat(bomb.size()).as("a small upload").isLessThan(4 * 1024 * 1024);
        assertThatThrownBy(() -> SheetReader.read(bomb.toByteArray(), SheetReader.XLSX, NEEDS))
                .isInstanceOf(ErrorResponseException.class);
    }

    @Test
    void a_row_keeps_its_key_when_rows_move_and_two_identical_rows_get_two_keys() {
        SheetRow gown = new SheetRow(3, java.util.Map.of("supplyType", "PPE-GOWN", "quantity", "10"));
        SheetRow goggles = new SheetRow(4, java.util.Map.of("supplyType", "PPE-GOGGLES", "quantity", "10"));
        SheetRow gownAgain = new SheetRow(5, gown.cells());
        List<String> first = RowKeys.of(List.of(gown, goggles, gownAgain));
        List<String> moved = RowKeys.of(List.of(goggles, gown, gownAgain));
        assertThat(first.get(0)).isNotEqualTo(first.get(2));
        assertThat(moved.get(0)).isEqualTo(first.get(1));
        assertThat(moved.get(1)).isEqualTo(first.get(0));
    }
}
