package org.aidmatch.load.rest;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.aidmatch.request.web.PostRequestBody;
import org.aidmatch.service.security.Caller;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The REST baseline, added to the request service only for the benchmark: it takes the same body
 * through the same filters (API key, size limit, strict JSON, validation) and answers 201, but
 * publishes nothing and waits for no broker. What POST /api/v1/requests costs beyond it is ours.
 */
@RestController
class TrivialEndpoint {

    static final String PATH = "/api/v1/bench/trivial";

    record Accepted(String id, String organization, String supplyType, long quantity) {}

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Accepted> accept(@AuthenticationPrincipal Caller caller, @Valid @RequestBody PostRequestBody body) {
        String id = UUID.randomUUID().toString();
        return ResponseEntity.created(URI.create(PATH + "/" + id))
                .body(new Accepted(id, caller.organization(), body.supplyType(), body.quantity()));
    }
}
