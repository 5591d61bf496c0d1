package org.aidmatch.service.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.aidmatch.service.problem.ProblemWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Before any credential is looked at: an address over its limit of failed sign-ins gets 429, and a
 * call that carries both an API key and a bearer token gets 400, since answering it as either one
 * would silently ignore the other.
 */
final class SignInGate extends OncePerRequestFilter {

    private final FailedSignIns failures;
    private final ProblemWriter problems;

    SignInGate(FailedSignIns failures, ProblemWriter problems) {
        this.failures = failures;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!carriesCredentials(request)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Duration> refused = failures.refusedFor(request);
        if (refused.isPresent()) {
            long seconds = Math.max(1, (refused.get().toMillis() + 999) / 1000);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            problems.write(
                    response,
                    HttpStatus.TOO_MANY_REQUESTS,
                    "Too many failed sign-ins",
                    "Too many failed sign-ins from your address. Try again in " + seconds + " s.",
                    request.getRequestURI());
            return;
        }
        if (request.getHeader(ApiKeyFilter.HEADER) != null && request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            problems.write(
                    response,
                    HttpStatus.BAD_REQUEST,
                    "Two credentials",
                    "Send one credential: an API key in " + ApiKeyFilter.HEADER + " or a bearer token, not both.",
                    request.getRequestURI());
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean carriesCredentials(HttpServletRequest request) {
        return request.getHeader(ApiKeyFilter.HEADER) != null || request.getHeader(HttpHeaders.AUTHORIZATION) != null;
    }
}
