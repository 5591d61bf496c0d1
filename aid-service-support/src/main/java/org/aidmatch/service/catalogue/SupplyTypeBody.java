package org.aidmatch.service.catalogue;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.aidmatch.contracts.catalogue.SupplyCategory;
import org.aidmatch.contracts.catalogue.SupplyType;

/**
 * A supply type as a coordinator adds it.
 *
 * @param code capitals, digits and single dashes, such as {@code EQ-WALKIE-TALKIE}; fixed once added
 * @param unit what one unit of quantity means, such as "piece" or "team-week"
 * @param unspsc the UNSPSC commodity code (8 digits), if known
 */
public record SupplyTypeBody(
        @NotBlank @Size(max = SupplyType.CODE_MAX_LENGTH) @Pattern(regexp = SupplyType.CODE_PATTERN)
        String code,

        @NotBlank @Size(max = 120) String name,
        @NotNull SupplyCategory category,
        @NotBlank @Size(max = 40) @Pattern(regexp = UNIT) String unit,

        @Pattern(regexp = "^[0-9]{8}$", message = "is 8 digits")
        String unspsc) {

    /** Lower-case words with dashes, as the seed's units are: "piece", "team-week". */
    public static final String UNIT = "^[a-z][a-z0-9]*(-[a-z0-9]+)*$";
}
