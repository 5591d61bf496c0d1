package org.aidmatch.contracts.events;

/**
 * Who acted on a match.
 *
 * @param organization the acting organisation; {@code null} for the matcher
 */
public record Actor(String organization, Party party) {

    public static final Actor MATCHER = new Actor(null, Party.MATCHER);
}
