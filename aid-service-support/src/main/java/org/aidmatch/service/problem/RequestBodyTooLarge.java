package org.aidmatch.service.problem;

import java.io.IOException;

/** A request body grew past the limit while it was read; answered 413. */
public final class RequestBodyTooLarge extends IOException {

    /** The largest request body any AidMatch API reads. */
    public static final int MAX_BYTES = 64 * 1024;

    /**
     * The largest spreadsheet a bulk import reads: 5,000 rows of CSV take about 400 KiB, and an
     * .xlsx sheet less; a zip bomb inside it is stopped by POI's own inflation limits.
     */
    public static final int IMPORT_MAX_BYTES = 4 * 1024 * 1024;

    private final long limit;

    public RequestBodyTooLarge(long limit) {
        super("The request body is larger than " + limit + " bytes.");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
