package org.aidmatch.service.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failed sign-ins (an unknown API key, a bearer token that does not verify), logged and limited per
 * client address: past {@code limit} failures within {@code per}, that address is refused with 429
 * until the bucket refills, whatever credentials it sends, so that keys cannot be guessed at speed.
 *
 * <p>Buckets live in a bounded cache (100,000 addresses, forgotten 15 minutes after their last use),
 * so a flood of addresses costs at most some tens of megabytes, never unbounded memory; an address
 * pushed out early simply starts with a full bucket again.
 */
final class FailedSignIns {

    private static final Logger log = LoggerFactory.getLogger(FailedSignIns.class);
    private static final long MAX_ADDRESSES = 100_000;

    private final Bandwidth limit;
    private final Cache<String, Bucket> byAddress = Caffeine.newBuilder()
            .maximumSize(MAX_ADDRESSES)
            .expireAfterAccess(Duration.ofMinutes(15))
            .build();

    FailedSignIns(ApiSecurityProperties.FailedSignIns settings) {
        this.limit = Bandwidth.builder()
                .capacity(settings.limit())
                .refillGreedy(settings.limit(), settings.per())
                .build();
    }

    /** Logs the failure, without the credential, and counts it against the caller's address. */
    void failed(HttpServletRequest request, String reason) {
        String address = request.getRemoteAddr();
        log.warn("Failed sign-in from {} on {} {}: {}", address, request.getMethod(), request.getRequestURI(), reason);
        byAddress.get(address, any -> Bucket.builder().addLimit(limit).build()).tryConsume(1);
    }

    /** How long the caller's address must wait before it may try again, if it is refused now. */
    Optional<Duration> refusedFor(HttpServletRequest request) {
        Bucket bucket = byAddress.getIfPresent(request.getRemoteAddr());
        if (bucket == null || bucket.getAvailableTokens() > 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill()));
    }
}
