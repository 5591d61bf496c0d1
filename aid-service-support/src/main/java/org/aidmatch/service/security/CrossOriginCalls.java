package org.aidmatch.service.security;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which pages of other origins may call the API from a browser: exactly the listed origins, with
 * the headers AidMatch reads and the ones a client must see. Cookies are never used, so credentials
 * stay off. A call from an origin not listed is refused with a problem, not Spring's plain text.
 */
final class CrossOriginCalls {

    private CrossOriginCalls() {}

    static CorsFilter filter(List<String> allowedOrigins, JsonMapper json) {
        CorsConfiguration api = new CorsConfiguration();
        api.setAllowedOrigins(allowedOrigins);
        api.setAllowedMethods(List.of("GET", "POST", "DELETE"));
        api.setAllowedHeaders(List.of(
                ApiKeyFilter.HEADER,
                HttpHeaders.AUTHORIZATION,
                HttpHeaders.CONTENT_TYPE,
                HttpHeaders.ACCEPT,
                HttpHeaders.ACCEPT_LANGUAGE,
                "Idempotency-Key",
                "Last-Event-ID"));
        api.setExposedHeaders(List.of(HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER, HttpHeaders.CONTENT_DISPOSITION));
        api.setAllowCredentials(false);
        api.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", api);
        CorsFilter filter = new CorsFilter(source);
        filter.setCorsProcessor(new ProblemRefusal(json));
        return filter;
    }

    private static final class ProblemRefusal extends DefaultCorsProcessor {
        private final JsonMapper json;

        ProblemRefusal(JsonMapper json) {
            this.json = json;
        }

        @Override
        protected void rejectRequest(ServerHttpResponse response) throws IOException {
            response.setStatusCode(HttpStatus.FORBIDDEN);
            response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            json.writeValue(
                    response.getBody(),
                    Map.of(
                            "type",
                            "about:blank",
                            "title",
                            "Cross-origin call refused",
                            "status",
                            403,
                            "detail",
                            "This origin, method or header is not allowed to call AidMatch from a browser "
                                    + "(aidmatch.security.cors.allowed-origins)."));
            response.flush();
        }
    }
}
