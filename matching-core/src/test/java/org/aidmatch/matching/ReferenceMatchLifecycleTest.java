package org.aidmatch.matching;

class ReferenceMatchLifecycleTest extends MatchLifecycleContract {

    @Override
    MatchingBook newBook() {
        return new ReferenceMatchingBook();
    }
}
