package org.aidmatch.service.imports;

/**
 * One column of a bulk-import sheet.
 *
 * @param field the JSON field of a single post that the column fills, e.g. {@code quantity}
 * @param header the human heading in the template's first row
 * @param hxl the HXL hashtag in the template's second row, e.g. {@code #item+num}
 * @param example the value the template's example row shows
 */
public record ImportColumn(String field, String header, String hxl, String example) {}
