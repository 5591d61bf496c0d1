package org.aidmatch.service.imports;

import java.util.List;
import org.aidmatch.service.imports.RowResult.RowOutcome;

/** The result for every row of one upload, with counts per outcome. */
public record ImportReport(
        int rows, long valid, long invalid, long posted, long alreadyPosted, List<RowResult> results) {

    public static ImportReport of(List<RowResult> results) {
        return new ImportReport(
                results.size(),
                count(results, RowOutcome.VALID),
                count(results, RowOutcome.INVALID),
                count(results, RowOutcome.POSTED),
                count(results, RowOutcome.ALREADY_POSTED),
                List.copyOf(results));
    }

    private static long count(List<RowResult> results, RowOutcome outcome) {
        return results.stream().filter(result -> result.outcome() == outcome).count();
    }
}
