package org.aidmatch.matching;

class ReferenceMatchingBookTest extends MatchingBookContract {

    @Override
    MatchingBook newBook() {
        return new ReferenceMatchingBook();
    }
}
