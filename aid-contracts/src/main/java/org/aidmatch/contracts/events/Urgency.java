package org.aidmatch.contracts.events;

/** How urgent a request is; declaration order is priority order, most urgent first. */
public enum Urgency {
    CRITICAL,
    HIGH,
    NORMAL
}
