package org.aidmatch.service.security;

import org.aidmatch.service.web.ProblemWriter;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 as problem+json, written before any controller runs. */
final class ProblemResponses {

    private final ProblemWriter problems;

    ProblemResponses(ProblemWriter problems) {
        this.problems = problems;
    }

    AuthenticationEntryPoint unauthorized() {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "ApiKey header=\"X-Api-Key\", Bearer");
            problems.write(response, HttpStatus.UNAUTHORIZED, "Authentication required",
                    e.getMessage() != null && e.getMessage().startsWith("Unknown")
                            ? e.getMessage()
                            : "Send an API key in the X-Api-Key header, or a bearer token.",
                    request.getRequestURI());
        };
    }

    AccessDeniedHandler forbidden() {
        return (request, response, e) -> problems.write(response, HttpStatus.FORBIDDEN, "Forbidden",
                "Your organisation's roles do not allow this.", request.getRequestURI());
    }
}
