package org.aidmatch.matcher.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Instant;
import org.aidmatch.contracts.catalogue.SupplyType;
import org.aidmatch.matcher.view.CoordinatorView;
import org.aidmatch.service.catalogue.CatalogueAdmin;
import org.aidmatch.service.catalogue.SupplyTypeBody;
import org.aidmatch.service.catalogue.SupplyTypeChange;
import org.aidmatch.service.security.Caller;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Coordinators keep the supply catalogue here; every service lists it at {@code GET
 * /api/v1/supply-types} and takes a new type within moments, with no restart. The matcher knows
 * whether a type has postings, which decides whether its unit may change.
 */
@RestController
@RequestMapping(path = "/api/v1/supply-types", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Supply types", description = "The supply catalogue")
class CatalogueController {

    private final CatalogueAdmin admin;
    private final CoordinatorView view;

    CatalogueController(CatalogueAdmin admin, CoordinatorView view) {
        this.admin = admin;
        this.view = view;
    }

    @Operation(
            operationId = "addSupplyType",
            summary = "Add a supply type",
            description =
                    "Coordinators only. It can be requested and offered on every service at once; its code is never reused.")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<SupplyType> add(@AuthenticationPrincipal Caller caller, @Valid @RequestBody SupplyTypeBody body) {
        SupplyType added = admin.add(caller, body, Instant.now());
        return ResponseEntity.created(URI.create("/api/v1/supply-types/" + added.code()))
                .body(added);
    }

    @Operation(
            operationId = "changeSupplyType",
            summary = "Rename a supply type",
            description =
                    "Coordinators only: its name, category and UNSPSC code. Its unit changes only while nothing of it has been posted (409 otherwise).")
    @PutMapping(path = "/{code}", consumes = MediaType.APPLICATION_JSON_VALUE)
    SupplyType change(
            @AuthenticationPrincipal Caller caller,
            @PathVariable String code,
            @Valid @RequestBody SupplyTypeChange body) {
        return admin.change(caller, code, body, view::hasPostings, Instant.now());
    }

    @Operation(
            operationId = "retireSupplyType",
            summary = "Retire a supply type",
            description =
                    "Coordinators only. It takes no new postings; what is open of it is still matched, delivered and closed as ever.")
    @PostMapping("/{code}/retirement")
    SupplyType retire(@AuthenticationPrincipal Caller caller, @PathVariable String code) {
        return admin.retire(caller, code, Instant.now());
    }
}
