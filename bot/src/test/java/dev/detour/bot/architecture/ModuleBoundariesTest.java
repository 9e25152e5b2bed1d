package dev.detour.bot.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.micronaut.data.annotation.MappedEntity;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Where Slack may be touched: Bolt only in the bot, the Web API client only where things leave the process; where
 * Micrometer may be; and the layers: persistence behind ports, renderers fed with read-model values, no cycles.
 */
class ModuleBoundariesTest {
    /** Imported once for all rules: an import per test method would take most of the run. */
    private static final JavaClasses DETOUR = DetourClasses.production("dev.detour", "db.migration");

    @Test
    void onlyTheBotImportsBolt() {
        noClasses().that().resideOutsideOfPackage("dev.detour.bot..")
                .should().dependOnClassesThat().resideInAnyPackage("com.slack.api.bolt..")
                .check(DETOUR);
    }

    @Test
    void commandsAndMessagesNeverCallSlackThemselves() {
        noClasses().that().resideInAnyPackage("dev.detour.commands..", "dev.detour.messages..")
                .should().dependOnClassesThat().resideInAnyPackage("com.slack.api.methods..", "com.slack.api.bolt..",
                        "io.micronaut.http..")
                .check(DETOUR);
    }

    @Test
    void theDomainMessagesAndCommandsNeverMeasureThemselves() {
        // Metrics are the bot's and notifications' business: they listen to the domain's events instead.
        noClasses().that().resideInAnyPackage("dev.detour.incidents..", "dev.detour.messages..",
                        "dev.detour.commands..")
                .should().dependOnClassesThat().resideInAnyPackage("io.micrometer..")
                .check(DETOUR);
    }

    @Test
    void noRowTypeLeavesPersistence() {
        noClasses().that().resideOutsideOfPackage("dev.detour.incidents.persistence..")
                .should().dependOnClassesThat().areAnnotatedWith(MappedEntity.class)
                .check(DETOUR);
    }

    @Test
    void onlyPersistenceAndItsMigrationsReachPersistence() {
        // Every module, the use cases, queries and jobs too, go through incidents.ports. The exceptions, exactly:
        // persistence itself and Flyway's Java migrations (db.migration, storage code that runs before any bean
        // exists). No factory or main wiring is one: the stores and tables are beans Micronaut finds by themselves.
        noClasses().that().resideOutsideOfPackages("dev.detour.incidents.persistence..", "db.migration..")
                .should().dependOnClassesThat().resideInAPackage("dev.detour.incidents.persistence..")
                .check(DETOUR);
    }

    @Test
    void messagesRenderValuesAndCallNoServiceOrJob() {
        noClasses().that().resideInAPackage("dev.detour.messages..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.detour.incidents.application..",
                        "dev.detour.incidents.queries..", "dev.detour.incidents.jobs..",
                        "dev.detour.incidents.persistence..")
                .orShould().dependOnClassesThat(resideInAnyPackage("dev.detour.incidents..")
                        .and(describe("beans", type -> type.isAnnotatedWith(Singleton.class))))
                .check(DETOUR);
    }

    @Test
    void modulesDependOnEachOtherOneWay() {
        slices().matching("dev.detour.(*)..").should().beFreeOfCycles().check(DETOUR);
    }

    @Test
    void noTwoPackagesDependOnEachOther() {
        slices().matching("dev.detour.(**)").should().beFreeOfCycles().check(DETOUR);
    }
}
