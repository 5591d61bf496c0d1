package org.aidmatch.service.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.aidmatch.contracts.organisations.Organisation;
import org.aidmatch.contracts.organisations.OrganisationStatus;
import org.aidmatch.contracts.organisations.Role;
import org.aidmatch.service.directory.Directory;
import org.aidmatch.service.security.Caller;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the credentials name, so that a client can show the views this caller's roles allow. */
@RestController
@Tag(name = "Caller", description = "Who is signed in")
public class CallerController {

    /**
     * @param keyAdmin whether these credentials may issue and revoke the organisation's keys
     * @param status the organisation's status in the directory; {@code null} for one known only
     *     from the keys file or a token
     */
    public record Me(String organization, List<Role> roles, boolean keyAdmin, OrganisationStatus status) {}

    private final Directory directory;

    CallerController(Directory directory) {
        this.directory = directory;
    }

    @Operation(
            operationId = "whoAmI",
            summary = "Who am I",
            description =
                    "The organisation the API key or token names, its roles, whether the credentials manage its keys, and its status in the directory.")
    @GetMapping(path = "/api/v1/me", produces = MediaType.APPLICATION_JSON_VALUE)
    Me me(@AuthenticationPrincipal Caller caller) {
        return new Me(
                caller.organization(),
                caller.roles().stream().sorted().toList(),
                caller.keyAdmin(),
                directory
                        .organisation(caller.organization())
                        .map(Organisation::status)
                        .orElse(null));
    }
}
