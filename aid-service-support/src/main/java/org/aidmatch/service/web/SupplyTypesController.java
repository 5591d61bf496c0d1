package org.aidmatch.service.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Collection;
import org.aidmatch.contracts.catalogue.SupplyCatalogue;
import org.aidmatch.contracts.catalogue.SupplyType;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The supply catalogue, served by every service so that clients can fill their pick lists. */
@RestController
@Tag(name = "Supply types", description = "The supply catalogue")
public class SupplyTypesController {

    @Operation(
            operationId = "listSupplyTypes",
            summary = "List supply types",
            description = "Every supply type AidMatch matches: code, name, unit and category.")
    @GetMapping(path = "/api/v1/supply-types", produces = MediaType.APPLICATION_JSON_VALUE)
    Collection<SupplyType> supplyTypes() {
        return SupplyCatalogue.standard().all();
    }
}
