package org.aidmatch.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layering README describes, checked over the main classes of every module. */
class ArchitectureTest {

    private static final JavaClasses AIDMATCH = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.aidmatch");

    @Test
    void the_matching_core_is_plain_java_without_spring_or_kafka() {
        noClasses()
                .that()
                .resideInAPackage("org.aidmatch.matching..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "org.apache.kafka..", "tools.jackson..")
                .check(AIDMATCH);
    }

    @Test
    void no_package_depends_on_itself_through_others() {
        slices().matching("org.aidmatch.(**)").should().beFreeOfCycles().check(AIDMATCH);
    }

    @Test
    void contracts_and_the_core_know_nothing_of_the_services() {
        noClasses()
                .that()
                .resideInAnyPackage("org.aidmatch.contracts..", "org.aidmatch.matching..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.aidmatch.service..",
                        "org.aidmatch.request..",
                        "org.aidmatch.offer..",
                        "org.aidmatch.matcher..")
                .check(AIDMATCH);
    }

    @Test
    void one_service_never_reaches_into_another() {
        noClasses()
                .that()
                .resideInAPackage("org.aidmatch.request..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.aidmatch.offer..", "org.aidmatch.matcher..")
                .check(AIDMATCH);
        noClasses()
                .that()
                .resideInAPackage("org.aidmatch.offer..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.aidmatch.request..", "org.aidmatch.matcher..")
                .check(AIDMATCH);
        noClasses()
                .that()
                .resideInAPackage("org.aidmatch.matcher..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.aidmatch.request..", "org.aidmatch.offer..")
                .check(AIDMATCH);
    }
}
