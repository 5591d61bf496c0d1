package org.aidmatch.matching;

import java.util.List;

/**
 * What the calls since the last {@link MatchingBook#takeChanges()} changed, for a durable store to
 * write: first delete the forgotten (an id forgotten may have been posted anew since, and is then
 * among the entries too), then put the entries and matches, and delete the ended matches.
 *
 * @param entries requests and offers to store as they are now
 * @param forgotten requests and offers forgotten (rule 7), to delete
 * @param matches matches that stand, to store as they are now
 * @param endedMatchIds matches that ended, to delete
 */
public record BookChanges(
        List<BookEntry> entries, List<BookEntry> forgotten, List<MatchEntry> matches, List<String> endedMatchIds) {

    public boolean isEmpty() {
        return entries.isEmpty() && forgotten.isEmpty() && matches.isEmpty() && endedMatchIds.isEmpty();
    }
}
