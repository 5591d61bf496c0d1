package org.aidmatch.service.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Collection;
import org.aidmatch.contracts.catalogue.SupplyType;
import org.aidmatch.service.catalogue.LiveCatalogue;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The live supply catalogue, served by every service so that clients can fill their pick lists. */
@RestController
@Tag(name = "Supply types", description = "The supply catalogue")
public class SupplyTypesController {

    private final LiveCatalogue catalogue;

    SupplyTypesController(LiveCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Operation(
            operationId = "listSupplyTypes",
            summary = "List supply types",
            description =
                    "Every supply type AidMatch matches, as coordinators keep the catalogue: code, name, category, unit, UNSPSC code if known, and whether it is retired (no new postings; what is open of it runs to its end).")
    @GetMapping(path = "/api/v1/supply-types", produces = MediaType.APPLICATION_JSON_VALUE)
    Collection<SupplyType> supplyTypes() {
        return catalogue.all();
    }
}
