package org.aidmatch.service.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import org.aidmatch.service.problem.ProblemWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a call that carries {@code X-Api-Key}; a key that is not known, revoked, or whose
 * organisation is not ACTIVE is refused at once.
 */
final class ApiKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Api-Key";

    private final KeyCallers keys;
    private final AuthenticationEntryPoint entryPoint;
    private final ProblemWriter problems;

    ApiKeyFilter(KeyCallers keys, AuthenticationEntryPoint entryPoint, ProblemWriter problems) {
        this.keys = keys;
        this.entryPoint = entryPoint;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key == null) {
            chain.doFilter(request, response);
            return;
        }
        KeyCallers.Lookup lookup = keys.find(key, Instant.now());
        if (lookup instanceof KeyCallers.NotReady) {
            // Answering 401 would tell a holder of a good key that it is bad, minutes after a restart.
            response.setHeader(HttpHeaders.RETRY_AFTER, "2");
            problems.write(
                    response,
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "Directory loading",
                    "This service is still reading the directory of organisations and keys. Try again shortly.",
                    request.getRequestURI());
            return;
        }
        if (lookup instanceof KeyCallers.Refused refused) {
            SecurityContextHolder.clearContext();
            entryPoint.commence(request, response, new BadCredentialsException(refused.reason()));
            return;
        }
        Caller caller = ((KeyCallers.Known) lookup).caller();
        var authorities = caller.roles().stream()
                .map(role -> new SimpleGrantedAuthority(role.authority()))
                .toList();
        var authentication = UsernamePasswordAuthenticationToken.authenticated(caller, null, authorities);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
