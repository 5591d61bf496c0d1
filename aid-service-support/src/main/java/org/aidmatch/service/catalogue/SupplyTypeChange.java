package org.aidmatch.service.catalogue;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.aidmatch.contracts.catalogue.SupplyCategory;

/**
 * A supply type as a coordinator changes it: its name, category and UNSPSC code; its unit only while
 * nothing of it has been posted.
 */
public record SupplyTypeChange(
        @NotBlank @Size(max = 120) String name,
        @NotNull SupplyCategory category,

        @NotBlank @Size(max = 40) @Pattern(regexp = SupplyTypeBody.UNIT)
        String unit,

        @Pattern(regexp = "^[0-9]{8}$", message = "is 8 digits")
        String unspsc) {}
