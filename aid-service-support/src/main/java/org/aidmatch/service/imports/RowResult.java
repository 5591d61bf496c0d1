package org.aidmatch.service.imports;

import java.util.List;
import org.aidmatch.service.problem.ProblemHandlers.FieldError;

/**
 * What became of one row of an import.
 *
 * @param row the row's number as the spreadsheet shows it
 * @param id the id the row posts under, derived from the organisation and the row's content, so the
 *     same row in a later upload names the same posting; absent while the row is invalid
 * @param errors why the row cannot be posted, per field, in the words a single post would get
 */
public record RowResult(int row, RowOutcome outcome, String id, List<FieldError> errors) {

    public RowResult {
        errors = List.copyOf(errors);
    }

    /** What a row is or became. */
    public enum RowOutcome {
        /** Checked, and it would be posted. */
        VALID,
        /** It would not be posted: see the errors. */
        INVALID,
        /** Posted by this upload. */
        POSTED,
        /** An earlier upload posted this row already; nothing was posted again. */
        ALREADY_POSTED
    }
}
