package org.aidmatch.service.security;

import org.aidmatch.service.problem.ProblemWriter;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 as problem+json, written before any controller runs; refused credentials are counted. */
final class ProblemResponses {

    private final ProblemWriter problems;
    private final FailedSignIns failures;

    ProblemResponses(ProblemWriter problems, FailedSignIns failures) {
        this.problems = problems;
        this.failures = failures;
    }

    AuthenticationEntryPoint unauthorized() {
        return (request, response, e) -> {
            String detail = "Send an API key in the X-Api-Key header, or a bearer token.";
            if (SignInGate.carriesCredentials(request)) {
                failures.failed(request, e.getMessage());
                detail = e instanceof InvalidBearerTokenException
                        ? "The bearer token was not accepted."
                        : e instanceof BadCredentialsException && e.getMessage() != null ? e.getMessage() : detail;
            }
            response.setHeader("WWW-Authenticate", "ApiKey header=\"X-Api-Key\", Bearer");
            problems.write(
                    response, HttpStatus.UNAUTHORIZED, "Authentication required", detail, request.getRequestURI());
        };
    }

    AccessDeniedHandler forbidden() {
        return (request, response, e) -> problems.write(
                response,
                HttpStatus.FORBIDDEN,
                "Forbidden",
                "Your organisation's roles do not allow this.",
                request.getRequestURI());
    }
}
