package org.aidmatch.request;

import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Where requesting organisations post their needs. */
@SpringBootApplication
public class RequestServiceApplication {

    /** Defaults that any property source (file, environment, command line) can override. */
    public static final Map<String, Object> DEFAULTS =
            Map.of("spring.application.name", "aid-request-service", "server.port", 8081);

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(RequestServiceApplication.class).properties(DEFAULTS);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
