package org.aidmatch.offer;

import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Where donor organisations post what they can give. */
@SpringBootApplication
public class OfferServiceApplication {

    /** Defaults that any property source (file, environment, command line) can override. */
    public static final Map<String, Object> DEFAULTS =
            Map.of("spring.application.name", "offer-service", "server.port", 8082);

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(OfferServiceApplication.class).properties(DEFAULTS);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
