package dev.troupe.e2e;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;

/** The module boundaries of DESIGN §1, checked on the compiled services. */
@AnalyzeClasses(packages = "dev.troupe", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule noServiceDependsOnAnother = SlicesRuleDefinition.slices()
            .matching("dev.troupe.(order|payment|inventory|shipping|notification)..")
            .should()
            .notDependOnEachOther();

    /** The saga rules are plain Java: no Kafka, no runtime, no JSON — testable as functions. */
    @ArchTest
    static final ArchRule theDomainIsPlainJava = noClasses()
            .that()
            .resideInAPackage("dev.troupe.*.domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.apache.kafka..", "dev.troupe.runtime..", "com.fasterxml..");

    @ArchTest
    static final ArchRule theRuntimeKnowsNoService = noClasses()
            .that()
            .resideInAnyPackage("dev.troupe.runtime..", "dev.troupe.events..", "dev.troupe.registry..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.troupe.order..",
                    "dev.troupe.payment..",
                    "dev.troupe.inventory..",
                    "dev.troupe.shipping..",
                    "dev.troupe.notification..");
}
