package dev.slipway.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.repository.Repository;
import org.springframework.stereotype.Service;

/** The rules of the backend's shape (DESIGN.md, "Layout"), checked so they stay true. */
class ArchitectureTest {

    static JavaClasses backend;

    @BeforeAll
    static void importBackend() {
        backend = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.slipway");
    }

    @Test
    void the_backend_knows_nothing_of_the_ui() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("com.vaadin..", "dev.slipway.ui..")
                .check(backend);
    }

    @Test
    void features_do_not_depend_on_each_other_in_cycles() {
        slices().matching("dev.slipway.(*)..").should().beFreeOfCycles().check(backend);
    }

    @Test
    void entities_and_repositories_stay_inside_their_feature() {
        classes().that().areAnnotatedWith(Entity.class).should().notBePublic().check(backend);
        classes().that().areAssignableTo(Repository.class).should().notBePublic().check(backend);
    }

    @Test
    void dependencies_are_injected_through_constructors() {
        fields().should().notBeAnnotatedWith(Autowired.class).check(backend);
    }

    @Test
    void time_comes_from_the_injected_clock() {
        noClasses().should().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(OffsetDateTime.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .because("pauses, deadlines and expiry must be testable without waiting")
                .check(backend);
    }

    @Test
    void services_are_the_public_surface_of_a_feature_and_are_not_final() {
        classes().that().areAnnotatedWith(Service.class)
                .should().bePublic().andShould().notHaveModifier(JavaModifier.FINAL).check(backend);
    }
}
