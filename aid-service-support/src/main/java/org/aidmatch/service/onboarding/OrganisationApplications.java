package org.aidmatch.service.onboarding;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import org.aidmatch.contracts.organisations.OrganisationStatus;
import org.aidmatch.service.directory.Directory;
import org.aidmatch.service.problem.Problems;
import org.aidmatch.service.security.ApiSecurityProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The one call anyone may make without a key ({@link
 * org.aidmatch.service.security.ApiSecurity#APPLICATIONS_PATH}): asking to join. It is limited per address, and the
 * applications waiting for a coordinator are capped, so that nobody can fill the directory.
 */
public final class OrganisationApplications {

    private final Bandwidth limit;
    private final int pendingLimit;
    private final Cache<String, Bucket> byAddress = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofHours(2))
            .build();

    public OrganisationApplications(ApiSecurityProperties.Applications settings) {
        this.limit = Bandwidth.builder()
                .capacity(settings.perAddress())
                .refillGreedy(settings.perAddress(), settings.per())
                .build();
        this.pendingLimit = settings.pendingLimit();
    }

    /** Throws 429 or 503 when this application may not be taken now. */
    public void admit(String address, Directory directory) {
        if (directory.count(OrganisationStatus.PENDING) >= pendingLimit) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "Too many applications are waiting for a coordinator. Try again later, or ask a coordinator to"
                            + " register your organisation.");
            problem.setTitle("Applications paused");
            ErrorResponseException refused = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, null);
            refused.getHeaders().set("Retry-After", "3600");
            throw refused;
        }
        Bucket bucket =
                byAddress.get(address, any -> Bucket.builder().addLimit(limit).build());
        var probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(
                    1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds());
            throw Problems.tooManyRequests(
                    "Too many applications from your address. Try again in " + seconds + " s.", (int) seconds);
        }
    }
}
