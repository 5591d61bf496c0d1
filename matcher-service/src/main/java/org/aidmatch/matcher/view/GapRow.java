package org.aidmatch.matcher.view;

/**
 * The need for one supply type in one country.
 *
 * @param requested all that was ever requested, open or not
 * @param matched what matches hold or delivered: the next four added up
 * @param proposed in matches waiting for the donor's answer
 * @param committed in matches the donor accepted
 * @param dispatched shipped, not yet received
 * @param delivered received in good condition
 * @param unmet what open requests still wait for
 * @param openOffered what open offers could still give to this country (their area covers it);
 *     the same offer counts in every country it covers, so these do not add up across countries
 */
public record GapRow(
        String supplyType,
        String supplyName,
        String country,
        String countryName,
        long requested,
        long matched,
        long proposed,
        long committed,
        long dispatched,
        long delivered,
        long unmet,
        long openOffered) {}
