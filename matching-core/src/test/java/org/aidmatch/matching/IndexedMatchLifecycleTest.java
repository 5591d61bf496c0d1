package org.aidmatch.matching;

class IndexedMatchLifecycleTest extends MatchLifecycleContract {

    @Override
    MatchingBook newBook() {
        return new IndexedMatchingBook();
    }
}
