package org.aidmatch.matching;

class IndexedMatchingBookTest extends MatchingBookContract {

    @Override
    MatchingBook newBook() {
        return new IndexedMatchingBook();
    }
}
