package org.aidmatch.load.rest;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.aidmatch.request.web.PostRequestBody;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The bare Spring MVC baseline, added to a service only for the benchmark: the trivial endpoint's
 * work (read, validate and answer the same body) with the security filter chain skipped, so without
 * the API key check, the sign-in gate, the security headers and CORS. Only the body size limit, a
 * servlet filter of every path, still runs. Trivial over bare is what those filters cost.
 */
@RestController
class BareEndpoint {

    static final String PATH = "/bench/bare";

    record Accepted(String id, String supplyType, long quantity) {}

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Accepted> accept(@Valid @RequestBody PostRequestBody body) {
        String id = UUID.randomUUID().toString();
        return ResponseEntity.created(URI.create(PATH + "/" + id))
                .body(new Accepted(id, body.supplyType(), body.quantity()));
    }

    @Bean
    static WebSecurityCustomizer skipSecurityForTheBareEndpoint() {
        return web -> web.ignoring().requestMatchers(PATH);
    }
}
