package dev.detour.commands;

import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.Model;
import dev.detour.incidents.catalog.Provider;
import dev.detour.incidents.catalog.SlackSettings;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.catalog.TaskClass;
import dev.detour.incidents.incident.Incident;
import dev.detour.messages.Wording;
import dev.detour.messages.testing.EnglishFinder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

import static dev.detour.incidents.SeedCatalog.GPT_5;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The answers to the main commands, with {@code detour.language} German (the test bundle of messages), hold no
 * English: no phrase of the English bundle and none of the words answers used to write in code (a state's or a
 * kind's word, a default title). What stays is data: names and ids from the catalog, and what was typed.
 */
class CommandAnswersInGermanTest {
    private static final Wording GERMAN = Wording.of("de");
    private static final EnglishFinder ENGLISH = new EnglishFinder(List.of("the", "is", "and", "by", "for", "incident",
            "investigating", "identified", "monitoring", "resolved", "acknowledged", "outage", "degradation",
            "approve", "deny", "opened", "disabled", "enabled", "nothing", "already"));
    private static final Pattern TYPED = Pattern.compile("`[^`]*`|:[a-z_]+:|<[^>]*>");

    private final Catalog catalog = SeedCatalog.catalog();
    private final FakeOperations operations = new FakeOperations(catalog);
    private final CommandHandler commands = new CommandHandler(catalog, new OnCallPolicy(new SlackSettings(
            "C0INCIDENTS", "C0SUPPORT", "C0MANAGERS", List.of("U0ALICE")), new CommandHandlerTest.FixedGroups(Map.of()), GERMAN),
            operations, Clock.fixed(FakeOperations.NOW, ZoneOffset.UTC), GERMAN);

    @ParameterizedTest
    @ValueSource(strings = {"disable gpt-5 -- Fehler 529", "enable gpt-5", "route meeting-summary gpt-5",
            "route meeting-summary auto", "consent code-migration approve", "consent code-migration deny",
            "update INC-1 Ausweichroute hält", "state INC-1 identified", "state INC-1 monitoring",
            "state INC-1 resolved", "resolve INC-1 -- behoben", "declare claude-opus-4-8", "declare gpt-5",
            "ack INC-1", "disable nothing-such", "state INC-9 monitoring"})
    void theAnswerIsGerman(String typed) {
        Incident open = operations.open("", Target.model(GPT_5));
        assertEquals("INC-1", open.id().toString());

        String answer = CommandHandlerTest.text(commands.execute(commands.parse(typed), CommandHandlerTest.ALICE));

        assertFalse(answer.isBlank());
        assertEquals(List.of(), ENGLISH.in(withoutData(answer, typed)), answer);
    }

    @org.junit.jupiter.api.Test
    void stateWordsComeFromTheBundle() {
        operations.open("", Target.model(GPT_5));

        String answer = CommandHandlerTest.text(commands.execute(commands.parse("state INC-1 monitoring"),
                CommandHandlerTest.ALICE));

        assertEquals("Gewechselt zu wird beobachtet *INC-1* (wird beobachtet).", answer);
    }

    @ParameterizedTest
    @ValueSource(strings = {"declare claude-opus-4-8", "ack INC-1"})
    void anAcknowledgeButtonAndADeclareFormAnswerInGermanToo(String typed) {
        operations.open("", Target.model(GPT_5));
        DetourCommand command = typed.startsWith("ack") ? new DetourCommand.Acknowledge(
                dev.detour.incidents.incident.IncidentId.parse("INC-1").orElseThrow()) : commands.parse(typed);

        String answer = CommandHandlerTest.text(commands.execute(command, CommandHandlerTest.ALICE));

        assertEquals(List.of(), ENGLISH.in(withoutData(answer, typed)), answer);
    }


    /** Without names and ids from the catalog and what was typed (reasons, update texts). */
    private String withoutData(String text, String typed) {
        List<String> data = new ArrayList<>(List.of(typed.split(" -- |\\s+(?=\\S*$)")));
        catalog.providers().stream().map(Provider::name).forEach(data::add);
        catalog.models().stream().map(Model::name).forEach(data::add);
        catalog.taskClasses().stream().map(TaskClass::name).forEach(data::add);
        catalog.providers().forEach(provider -> data.add(provider.id().value()));
        catalog.models().forEach(model -> data.add(model.id().value()));
        catalog.taskClasses().forEach(taskClass -> data.add(taskClass.id().value()));
        data.addAll(Set.of("Fehler 529", "Ausweichroute hält", "behoben"));
        data.sort(Comparator.comparingInt(String::length).reversed());
        String rest = text;
        for (String piece : data) {
            if (!piece.isBlank()) {
                rest = rest.replace(piece, "·");
            }
        }
        return TYPED.matcher(rest).replaceAll("·");
    }
}
