package dev.detour.bot.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Where Slack may be touched: Bolt only in the bot, the Web API client only where things leave the process; and
 * where Micrometer may be.
 */
class ModuleBoundariesTest {
    private final JavaClasses detour = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.detour");

    @Test
    void onlyTheBotImportsBolt() {
        noClasses().that().resideOutsideOfPackage("dev.detour.bot..")
                .should().dependOnClassesThat().resideInAnyPackage("com.slack.api.bolt..")
                .check(detour);
    }

    @Test
    void commandsAndMessagesNeverCallSlackThemselves() {
        noClasses().that().resideInAnyPackage("dev.detour.commands..", "dev.detour.messages..")
                .should().dependOnClassesThat().resideInAnyPackage("com.slack.api.methods..", "com.slack.api.bolt..",
                        "io.micronaut.http..")
                .check(detour);
    }

    @Test
    void theDomainMessagesAndCommandsNeverMeasureThemselves() {
        // Metrics are the bot's and notifications' business: they listen to the domain's events instead.
        noClasses().that().resideInAnyPackage("dev.detour.incidents..", "dev.detour.messages..",
                        "dev.detour.commands..")
                .should().dependOnClassesThat().resideInAnyPackage("io.micrometer..")
                .check(detour);
    }
}
