package org.aidmatch.matching;

class IndexedMatchingBookTest extends MatchingBookContract {

    @Override
    MatchingBook newBook() {
        return new IndexedMatchingBook();
    }

    @Override
    MatchingBook newBook(java.time.Duration closedIdHorizon) {
        return new IndexedMatchingBook(closedIdHorizon);
    }
}
