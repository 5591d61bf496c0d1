package org.aidmatch.service.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.aidmatch.contracts.catalogue.CatalogueEntry;
import org.aidmatch.contracts.catalogue.SupplyCategory;
import org.aidmatch.contracts.catalogue.SupplyType;
import org.junit.jupiter.api.Test;

class LiveCatalogueTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final SupplyType RADIO =
            new SupplyType("EQ-WALKIE-TALKIE", "Two-way radio", SupplyCategory.EQUIPMENT, "piece", "43191510", false);

    private final LiveCatalogue catalogue = new LiveCatalogue();

    @Test
    void the_seed_answers_before_the_topic_is_read_and_the_topic_goes_over_it() {
        assertThat(catalogue.refusalOfNewPosting("PPE-GOWN")).isEmpty();
        SupplyType gown = catalogue.find("PPE-GOWN").orElseThrow();

        catalogue.apply(new CatalogueEntry(
                gown.renamed("Isolation gown, level 2", gown.category(), gown.unit(), null), 2, "Desk", T0, 1));
        catalogue.apply(new CatalogueEntry(gown, 1, CatalogueEntry.SEED, T0, 1));

        assertThat(catalogue.nameOf("PPE-GOWN"))
                .as("the seed's record, read after the rename, does not undo it")
                .isEqualTo("Isolation gown, level 2");
    }

    @Test
    void a_new_type_is_looked_for_on_the_topic_before_it_is_refused_and_a_retired_one_takes_no_postings() {
        List<String> told = new ArrayList<>();
        catalogue.onChange(type -> told.add(type.code()));
        catalogue.catchUpWith(() -> catalogue.apply(new CatalogueEntry(RADIO, 1, "Desk", T0, 1)));

        assertThat(catalogue.refusalOfNewPosting("EQ-WALKIE-TALKIE")).isEmpty();
        assertThat(told).containsExactly("EQ-WALKIE-TALKIE");
        assertThat(catalogue.all()).extracting(SupplyType::code).contains("EQ-WALKIE-TALKIE");

        catalogue.apply(new CatalogueEntry(RADIO.asRetired(), 2, "Desk", T0, 1));
        assertThat(catalogue.refusalOfNewPosting("EQ-WALKIE-TALKIE"))
                .hasValueSatisfying(why -> assertThat(why).contains("retired"));
        assertThat(catalogue.knows("EQ-WALKIE-TALKIE"))
                .as("the matcher still takes it")
                .isTrue();
        assertThat(catalogue.refusalOfNewPosting("NOT-A-TYPE"))
                .hasValueSatisfying(why -> assertThat(why).contains("not a supply type"));
    }
}
