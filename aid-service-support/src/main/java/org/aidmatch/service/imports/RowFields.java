package org.aidmatch.service.imports;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.aidmatch.service.problem.ProblemHandlers.FieldError;

/**
 * A row's cells read as the types of a single post, collecting what cannot be read instead of
 * stopping at the first, so that a row shows all its errors at once.
 */
public final class RowFields {

    private final SheetRow row;
    private final List<FieldError> errors = new ArrayList<>();

    public RowFields(SheetRow row) {
        this.row = row;
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    public String text(String field) {
        return row.cell(field);
    }

    public Long whole(String field) {
        String cell = row.cell(field);
        if (cell == null) {
            return null;
        }
        try {
            return Long.valueOf(cell.replace(" ", "").replace("_", ""));
        } catch (NumberFormatException e) {
            return fail(field, "must be a whole number, was '" + cell + "'");
        }
    }

    public LocalDate date(String field) {
        String cell = row.cell(field);
        if (cell == null) {
            return null;
        }
        try {
            return LocalDate.parse(cell);
        } catch (DateTimeParseException e) {
            return fail(field, "must be a date as YYYY-MM-DD, was '" + cell + "'");
        }
    }

    public Boolean yesNo(String field) {
        String cell = row.cell(field);
        if (cell == null) {
            return null;
        }
        return switch (cell.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1" -> true;
            case "false", "no", "n", "0" -> false;
            default -> fail(field, "must be yes or no, was '" + cell + "'");
        };
    }

    public <E extends Enum<E>> E choice(String field, Class<E> type) {
        String cell = row.cell(field);
        if (cell == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, cell.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return fail(field, "must be one of " + Arrays.toString(type.getEnumConstants()) + ", was '" + cell + "'");
        }
    }

    /** A list in one cell, separated by spaces, commas or semicolons, e.g. "014 KZ". */
    public List<String> list(String field) {
        String cell = row.cell(field);
        if (cell == null) {
            return null;
        }
        return Arrays.stream(cell.split("[\\s,;]+")).filter(s -> !s.isEmpty()).toList();
    }

    private <T> T fail(String field, String message) {
        errors.add(new FieldError(field, message));
        return null;
    }
}
