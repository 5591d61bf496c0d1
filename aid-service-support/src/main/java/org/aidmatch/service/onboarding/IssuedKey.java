package org.aidmatch.service.onboarding;

/**
 * A key just issued. {@code key} is shown this once: AidMatch keeps only its digest, so a lost key
 * cannot be shown again, only revoked and replaced.
 */
public record IssuedKey(String key, KeyView details) {}
