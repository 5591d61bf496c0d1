package org.aidmatch.matcher;

import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The matcher: pairs requests with offers as they arrive, and tells everyone what it decided. */
@SpringBootApplication
public class MatcherServiceApplication {

    /** Defaults that any property source (file, environment, command line) can override. */
    public static final Map<String, Object> DEFAULTS = Map.of(
            "spring.application.name", "matcher-service",
            "server.port", 8080,
            "spring.kafka.streams.application-id", "aidmatch-matcher",
            // The portal lives in its own folder so that, when all services share one classpath
            // (the local launcher), only the matcher serves it.
            "spring.web.resources.static-locations", "classpath:/portal/",
            // The portal's pages call the request and offer services; the page's policy must let them.
            "aidmatch.security.connect-sources",
                    "${aidmatch.portal.request-service-url:},${aidmatch.portal.offer-service-url:}");

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(MatcherServiceApplication.class).properties(DEFAULTS);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
