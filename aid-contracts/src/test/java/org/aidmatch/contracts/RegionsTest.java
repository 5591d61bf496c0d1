package org.aidmatch.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.aidmatch.contracts.regions.AreaLevel;
import org.aidmatch.contracts.regions.Regions;
import org.junit.jupiter.api.Test;

class RegionsTest {

    @Test
    void a_country_is_a_canonical_upper_case_alpha_2_code() {
        assertThat(Regions.isCountry("KE")).isTrue();
        assertThat(Regions.isCountry("ke")).isFalse();
        assertThat(Regions.isCountry("UK")).as("UK is only an alias of GB").isFalse();
        assertThat(Regions.isCountry("014")).isFalse();
        assertThat(Regions.isCountry("ZZ")).isFalse();
        assertThat(Regions.countries()).hasSizeGreaterThan(240);
    }

    @Test
    void an_area_is_a_un_m49_three_digit_code() {
        assertThat(Regions.isArea("001")).isTrue();
        assertThat(Regions.isArea("142")).isTrue();
        assertThat(Regions.isArea("014")).isTrue();
        assertThat(Regions.isArea("EU"))
                .as("alphabetic groupings are not M49 areas")
                .isFalse();
        assertThat(Regions.isArea("999")).isFalse();
    }

    @Test
    void eastern_africa_covers_kenya_but_not_italy() {
        assertThat(Regions.covers("014", "KE")).isTrue();
        assertThat(Regions.covers("014", "IT")).isFalse();
        assertThat(Regions.covers("KE", "KE")).isTrue();
        assertThat(Regions.covers("IT", "KE")).isFalse();
    }

    @Test
    void groupings_the_parent_chain_skips_still_contain_their_countries() {
        // Brazil's parent chain is 005 -> 019 -> 001; 419 (Latin America) is a grouping beside it.
        assertThat(Regions.covers("419", "BR")).isTrue();
        // Kenya's chain is 014 -> 002 -> 001; 202 (Sub-Saharan Africa) sits beside it.
        assertThat(Regions.covers("202", "KE")).isTrue();
    }

    @Test
    void the_world_covers_every_country() {
        assertThat(Regions.countries()).allMatch(country -> Regions.covers("001", country));
        assertThat(Regions.countryCount("001")).isEqualTo(Regions.countries().size());
    }

    @Test
    void specificity_grows_from_country_to_world() {
        assertThat(Regions.countryCount("KE")).isEqualTo(1);
        assertThat(Regions.countryCount("014")).isLessThan(Regions.countryCount("002"));
        assertThat(Regions.countryCount("002")).isLessThan(Regions.countryCount("001"));
        assertThat(Regions.levelOf("KE")).isEqualTo(AreaLevel.COUNTRY);
        assertThat(Regions.levelOf("014")).isEqualTo(AreaLevel.SUBREGION);
        assertThat(Regions.levelOf("142")).isEqualTo(AreaLevel.REGION);
        assertThat(Regions.levelOf("001")).isEqualTo(AreaLevel.WORLD);
    }

    @Test
    void codes_covering_a_country_start_with_the_country_and_include_its_regions() {
        assertThat(Regions.codesCovering("KE")).startsWith("KE").contains("014", "002", "202", "001");
        assertThat(Regions.codesCovering("KE")).allMatch(code -> Regions.covers(code, "KE"));
    }

    @Test
    void names_are_readable() {
        assertThat(Regions.displayName("KE")).isEqualTo("Kenya");
        assertThat(Regions.displayName("014")).isEqualTo("Eastern Africa");
    }
}
