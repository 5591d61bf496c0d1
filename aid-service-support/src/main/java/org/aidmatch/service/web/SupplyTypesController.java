package org.aidmatch.service.web;

import java.util.Collection;
import org.aidmatch.contracts.catalogue.SupplyCatalogue;
import org.aidmatch.contracts.catalogue.SupplyType;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The supply catalogue, served by every service so that clients can fill their pick lists. */
@RestController
public class SupplyTypesController {

    @GetMapping(path = "/api/v1/supply-types", produces = MediaType.APPLICATION_JSON_VALUE)
    Collection<SupplyType> supplyTypes() {
        return SupplyCatalogue.standard().all();
    }
}
