package org.aidmatch.service.imports;

import java.util.Map;

/**
 * One data row of an uploaded sheet.
 *
 * @param number the row's number as a spreadsheet shows it, counting from 1 with the headings
 * @param cells the row's text by field name; blank cells are absent
 */
public record SheetRow(int number, Map<String, String> cells) {

    public SheetRow {
        cells = Map.copyOf(cells);
    }

    public String cell(String field) {
        return cells.get(field);
    }
}
