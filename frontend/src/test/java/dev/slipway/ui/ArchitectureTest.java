package dev.slipway.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checked with the whole application on the classpath (Vaadin included), which is where a backend
 * class could start to lean on the UI.
 */
class ArchitectureTest {

    static JavaClasses slipway;

    @BeforeAll
    static void importEverything() {
        slipway = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.slipway");
    }

    @Test
    void only_the_ui_uses_vaadin() {
        noClasses().that().resideOutsideOfPackage("dev.slipway.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("com.vaadin..")
                .check(slipway);
    }

    @Test
    void the_backend_does_not_reach_into_the_ui() {
        noClasses().that().resideOutsideOfPackage("dev.slipway.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.slipway.ui..")
                .check(slipway);
    }

    @Test
    void views_talk_to_services_not_to_persistence() {
        noClasses().that().resideInAPackage("dev.slipway.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "org.springframework.jdbc..",
                        "org.springframework.data.jpa..")
                .check(slipway);
    }
}
