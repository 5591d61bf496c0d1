package org.aidmatch.contracts.organisations;

/** What kind of body an organisation is. */
public enum OrganisationType {
    NGO,
    HOSPITAL,
    MINISTRY,
    UN_AGENCY,
    COMPANY
}
