package dev.detour.commands;

import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.maintenance.MaintenanceId;
import dev.detour.incidents.maintenance.MaintenanceTime;
import dev.detour.messages.Wording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static dev.detour.incidents.SeedCatalog.ANTHROPIC;
import static dev.detour.incidents.SeedCatalog.GPT_5;
import static dev.detour.incidents.SeedCatalog.OPUS_48;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /detour maintenance}: its grammar, its bad input, and what on-call is told (docs/maintenance.md). */
class MaintenanceCommandTest {
    private final CommandParser parser = new CommandParser(SeedCatalog.catalog(), Wording.of("en"));
    private final FakeOperations operations = new FakeOperations(SeedCatalog.catalog());
    private final CommandHandler commands = CommandHandlerTest.handler(operations);

    private DetourCommand.ScheduleMaintenance schedule(String text) {
        return assertInstanceOf(DetourCommand.ScheduleMaintenance.class, parser.parse(text));
    }

    private String invalid(String text) {
        return assertInstanceOf(DetourCommand.Invalid.class, parser.parse(text)).problem();
    }

    private String say(String text) {
        return CommandHandlerTest.text(commands.execute(commands.parse(text), CommandHandlerTest.ALICE));
    }

    @Test
    void targetsThenAStartInUtcAndALength() {
        DetourCommand.ScheduleMaintenance command = schedule(
                "maintenance claude-opus-4-8 anthropic 2026-12-07 14:00 for 90m -- database upgrade");

        assertEquals(List.of(Target.model(OPUS_48), Target.provider(ANTHROPIC)), command.targets());
        assertEquals(new MaintenanceTime.At(Instant.parse("2026-12-07T14:00:00Z")), command.from());
        assertEquals(new MaintenanceTime.For(Duration.ofMinutes(90)), command.until());
        assertEquals(Optional.of("database upgrade"), command.reason());
    }

    @Test
    void timesMayBeIsoRelativeOrWithUntil() {
        DetourCommand.ScheduleMaintenance iso = schedule(
                "maintenance gpt-5 2026-12-07T15:00+01:00 until 2026-12-07T16:30Z");
        assertEquals(new MaintenanceTime.At(Instant.parse("2026-12-07T14:00:00Z")), iso.from());
        assertEquals(new MaintenanceTime.At(Instant.parse("2026-12-07T16:30:00Z")), iso.until());

        DetourCommand.ScheduleMaintenance relative = schedule("maintenance gpt-5 in 2h in 3h");
        assertEquals(new MaintenanceTime.In(Duration.ofHours(2)), relative.from());
        assertEquals(new MaintenanceTime.In(Duration.ofHours(3)), relative.until());

        DetourCommand.ScheduleMaintenance now = schedule("maintenance gpt-5 from now to 2026-12-07 16:00");
        assertEquals(new MaintenanceTime.In(Duration.ZERO), now.from());
        assertEquals(new MaintenanceTime.At(Instant.parse("2026-12-07T16:00:00Z")), now.until());
    }

    @Test
    void listAndCancel() {
        assertInstanceOf(DetourCommand.ListMaintenance.class, parser.parse("maintenance list"));
        assertEquals(new DetourCommand.CancelMaintenance(new MaintenanceId("M-3f9a1c")),
                parser.parse("maintenance cancel m-3F9A1C"));
        assertTrue(!new DetourCommand.ListMaintenance().changesProduction(), "anyone may read the list");
        assertTrue(new DetourCommand.CancelMaintenance(new MaintenanceId("M-3f9a1c")).changesProduction());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "maintenance                                     | needs targets, a start and an end",
            "maintenance gpt-6 in 1h for 1h                  | There is no provider or model `gpt-6`",
            "maintenance gpt-5                               | needs targets, a start and an end",
            "maintenance in 1h for 1h                        | needs targets, a start and an end",
            "maintenance gpt-5 in 1h                         | say when it ends",
            "maintenance gpt-5 in soon for 1h                | `soon` is not a duration",
            "maintenance gpt-5 2026-12-07 2pm for 1h         | `2026-12-07` is not a time",
            "maintenance gpt-5 2026-13-07T14:00Z for 1h      | `2026-13-07T14:00Z` is not a time",
            "maintenance gpt-5 in 1h for 1h please           | `please` comes after the end",
            "maintenance cancel                              | Say which window to call off",
            "maintenance cancel INC-4                        | `INC-4` is not a maintenance id",
            "maintenance list everything                     | `maintenance list` takes no arguments",
    })
    void badInputIsNamed(String text, String problem) {
        String said = invalid(text);
        assertTrue(said.contains(problem), said);
    }

    @Test
    void aWindowThatEndsBeforeItStartsIsRefusedAndNothingChanges() {
        String said = say("maintenance gpt-5 2026-06-07 14:00 until 2026-06-07 12:00");

        assertTrue(said.contains("would end") && said.contains("before it starts") && said.contains("Nothing was"
                + " changed"), said);
        assertEquals(List.of(), operations.changes);
    }

    @Test
    void aWindowOverSevenDaysIsRefusedAndNothingChanges() {
        String said = say("maintenance gpt-5 in 1h for 8d");

        assertTrue(said.contains("lasts at most 7 days"), said);
        assertEquals(List.of(), operations.changes);
    }

    @Test
    void aWindowInThePastIsRefusedAndNothingChanges() {
        String said = say("maintenance gpt-5 2026-06-06 10:00 until 2026-06-06 12:00");

        assertTrue(said.contains("would be over already"), said);
        assertEquals(List.of(), operations.changes);
    }

    @Test
    void aPlannedWindowIsConfirmedWithItsIdAndTimes() {
        String said = say("maintenance gpt-5 in 2h for 90m -- key rotation");

        assertTrue(said.startsWith("Maintenance `M-3f9a1c` planned: GPT-5, <!date^"), said);
        assertTrue(said.contains("`/detour maintenance cancel M-3f9a1c`"), said);
        assertEquals(Instant.parse("2026-06-07T09:13:00Z"), operations.maintenance.get(0).startsAt());
        assertEquals(Instant.parse("2026-06-07T10:43:00Z"), operations.maintenance.get(0).endsAt());

        assertTrue(say("maintenance list").contains("`M-3f9a1c` GPT-5"), "listed");
        assertTrue(say("maintenance cancel M-3f9a1c").startsWith("Maintenance `M-3f9a1c` called off"));
        assertTrue(say("maintenance cancel M-3f9a1c").contains("over or called off already"));
        assertTrue(say("maintenance cancel M-aaaaaa").contains("There is no maintenance window `M-aaaaaa`"));
        assertEquals("No maintenance is planned.", say("maintenance list"));
        assertEquals(List.of(Target.model(GPT_5)), operations.maintenance.get(0).targets());
    }

    @Test
    void onlyOnCallPlansMaintenance() {
        String said = CommandHandlerTest.text(commands.execute(commands.parse("maintenance gpt-5 in 1h for 1h"),
                CommandHandlerTest.MALLORY));

        assertTrue(said.contains("on-call"), said);
        assertEquals(List.of(), operations.changes);
    }
}
