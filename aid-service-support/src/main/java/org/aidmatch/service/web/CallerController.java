package org.aidmatch.service.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.aidmatch.service.security.Caller;
import org.aidmatch.service.security.Role;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the credentials name, so that a client can show the views this caller's roles allow. */
@RestController
@Tag(name = "Caller", description = "Who is signed in")
public class CallerController {

    public record Me(String organization, List<Role> roles) {}

    @Operation(
            operationId = "whoAmI",
            summary = "Who am I",
            description = "The organisation the API key or token names, and its roles.")
    @GetMapping(path = "/api/v1/me", produces = MediaType.APPLICATION_JSON_VALUE)
    Me me(@AuthenticationPrincipal Caller caller) {
        return new Me(caller.organization(), caller.roles().stream().sorted().toList());
    }
}
