package org.aidmatch.service.imports;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.aidmatch.service.imports.RowResult.RowOutcome;
import org.aidmatch.service.problem.ProblemHandlers.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * One upload of a needs or offers list: every row is read and validated exactly as a single post
 * would be, before anything is posted. A check ({@code dryRun}) reports every row; a post posts
 * only when every row is valid, and then each row under its own idempotency key ({@link RowKeys}),
 * so that a repeated upload posts nothing twice.
 *
 * @param <B> the body of a single post, validated by its own annotations
 */
public final class BulkImport<B> {

    /** Reads a row into the body of a single post, adding to the row's errors what it cannot read. */
    @FunctionalInterface
    public interface Binder<B> {
        B bind(RowFields fields);
    }

    /** Posts the rows that are not posted yet, each under its id, and returns once the broker has them all. */
    @FunctionalInterface
    public interface Poster<B> {
        void postAll(List<Posting<B>> postings);
    }

    public record Posting<B>(String id, B body) {}

    private record Checked<B>(SheetRow row, String id, B body, List<FieldError> errors) {}

    private final ImportLayout layout;
    private final Binder<B> binder;
    private final Validator validator;

    public BulkImport(ImportLayout layout, Binder<B> binder, Validator validator) {
        this.layout = layout;
        this.binder = binder;
        this.validator = validator;
    }

    /**
     * @param sheet the upload, read by {@link SheetReader}
     * @param idOfKey the id a single post with this {@code Idempotency-Key} would get
     * @param posted whether a posting with this id exists already
     */
    public ImportReport run(
            byte[] sheet,
            MediaType type,
            boolean dryRun,
            Function<String, String> idOfKey,
            Predicate<String> posted,
            Poster<B> poster) {
        List<SheetRow> rows = SheetReader.read(sheet, type, layout);
        List<String> keys = RowKeys.of(rows);
        List<Checked<B>> checked = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            checked.add(check(rows.get(i), idOfKey.apply(keys.get(i))));
        }
        boolean allValid = checked.stream().allMatch(row -> row.errors().isEmpty());
        if (!dryRun && !allValid) {
            throw invalidRows(checked);
        }
        List<RowResult> results = new ArrayList<>(rows.size());
        List<Posting<B>> toPost = new ArrayList<>();
        for (Checked<B> row : checked) {
            if (!row.errors().isEmpty()) {
                results.add(new RowResult(row.row().number(), RowOutcome.INVALID, null, row.errors()));
            } else if (posted.test(row.id())) {
                results.add(new RowResult(row.row().number(), RowOutcome.ALREADY_POSTED, row.id(), List.of()));
            } else {
                results.add(new RowResult(
                        row.row().number(), dryRun ? RowOutcome.VALID : RowOutcome.POSTED, row.id(), List.of()));
                toPost.add(new Posting<>(row.id(), row.body()));
            }
        }
        if (!dryRun && !toPost.isEmpty()) {
            poster.postAll(toPost);
        }
        return ImportReport.of(results);
    }

    private Checked<B> check(SheetRow row, String id) {
        RowFields fields = new RowFields(row);
        B body = binder.bind(fields);
        List<FieldError> errors = new ArrayList<>(fields.errors());
        Set<ConstraintViolation<B>> violations = validator.validate(body);
        for (ConstraintViolation<B> violation : violations) {
            String field = violation.getPropertyPath().toString().replaceAll("\\[\\d*]\\.?.*$", "");
            // a cell that could not be read is null, and its "must not be null" would say it twice
            if (errors.stream().noneMatch(error -> error.field().equals(field))) {
                errors.add(new FieldError(field, violation.getMessage()));
            }
        }
        errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
        return new Checked<>(row, errors.isEmpty() ? id : null, body, errors);
    }

    private static ErrorResponseException invalidRows(List<? extends Checked<?>> checked) {
        List<RowResult> invalid = checked.stream()
                .filter(row -> !row.errors().isEmpty())
                .map(row -> new RowResult(row.row().number(), RowOutcome.INVALID, null, row.errors()))
                .toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNPROCESSABLE_CONTENT,
                invalid.size() + " of " + checked.size()
                        + " rows are invalid, so nothing was posted. Fix them and upload again.");
        problem.setTitle("Invalid rows");
        problem.setProperty("rows", invalid);
        return new ErrorResponseException(HttpStatus.UNPROCESSABLE_CONTENT, problem, null);
    }
}
