package org.aidmatch.service.problem;

import java.io.IOException;

/** A request body grew past the limit while it was read; answered 413. */
public final class RequestBodyTooLarge extends IOException {

    /** The largest request body any AidMatch API reads. */
    public static final int MAX_BYTES = 64 * 1024;

    public RequestBodyTooLarge() {
        super("The request body is larger than " + MAX_BYTES + " bytes.");
    }
}
