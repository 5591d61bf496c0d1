package org.aidmatch.matching;

/** Where the quantity a match gave up went, on each side: back to open, or closed. */
record Released(long requestReturned, long requestClosed, long offerReturned, long offerClosed) {

    static final Released NOTHING = new Released(0, 0, 0, 0);

    /** What happens to a side's part of the released quantity, as the reason decides. */
    enum Fate {
        /** Back to the open quantity, to be matched again at once; closed if the side has closed. */
        RETURNS,
        /** Gone on this side. */
        CLOSED
    }
}
