package org.aidmatch.matching;

class ReferenceMatchingBookTest extends MatchingBookContract {

    @Override
    MatchingBook newBook() {
        return new ReferenceMatchingBook();
    }

    @Override
    MatchingBook newBook(java.time.Duration closedIdHorizon) {
        return new ReferenceMatchingBook(closedIdHorizon);
    }
}
