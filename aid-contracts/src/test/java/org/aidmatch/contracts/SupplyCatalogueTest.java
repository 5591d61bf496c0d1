package org.aidmatch.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.aidmatch.contracts.catalogue.SupplyCatalogue;
import org.aidmatch.contracts.catalogue.SupplyCategory;
import org.aidmatch.contracts.catalogue.SupplyType;
import org.junit.jupiter.api.Test;

class SupplyCatalogueTest {

    @Test
    void the_catalogue_holds_the_agreed_codes_in_order() {
        assertThat(SupplyCatalogue.standard().all())
                .extracting(SupplyType::code)
                .containsExactly(
                        "PPE-MASK-MEDICAL",
                        "PPE-RESPIRATOR",
                        "PPE-GLOVES-EXAM",
                        "PPE-GOWN",
                        "PPE-FACE-SHIELD",
                        "PPE-GOGGLES",
                        "DX-PCR-TEST",
                        "DX-ANTIGEN-RDT",
                        "DX-SAMPLE-KIT",
                        "EQ-VENTILATOR",
                        "EQ-OXYGEN-CONCENTRATOR",
                        "EQ-PULSE-OXIMETER",
                        "EQ-PATIENT-MONITOR",
                        "HY-HAND-SANITIZER",
                        "HY-DISINFECTANT",
                        "SV-MEDICAL-TEAM",
                        "SV-PSYCHOSOCIAL-SUPPORT",
                        "SV-TECHNICAL-EXPERTISE",
                        "SV-TRAINING",
                        "OX-CYLINDER",
                        "OX-REGULATOR-FLOWMETER",
                        "OX-NASAL-CANNULA",
                        "OX-NON-REBREATHER-MASK",
                        "OX-VENTURI-MASK",
                        "MED-DEXAMETHASONE-INJ",
                        "MED-DEXAMETHASONE-TAB",
                        "MED-ENOXAPARIN-INJ",
                        "MED-HEPARIN-INJ",
                        "MED-TOCILIZUMAB-INJ",
                        "MED-PARACETAMOL-TAB");
    }

    @Test
    void help_is_a_supply_type_too() {
        assertThat(SupplyCatalogue.standard().find("SV-PSYCHOSOCIAL-SUPPORT"))
                .hasValueSatisfying(type -> assertThat(type.category()).isEqualTo(SupplyCategory.SERVICES));
        assertThat(SupplyCatalogue.standard().contains("PPE-UNICORN")).isFalse();
        assertThat(SupplyCatalogue.standard().all()).allSatisfy(type -> {
            assertThat(type.name()).isNotBlank();
            assertThat(type.unit()).isNotBlank();
        });
    }
}
