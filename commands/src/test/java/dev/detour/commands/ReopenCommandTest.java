package dev.detour.commands;

import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.incident.IncidentId;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /detour reopen <INC-n> [-- reason]}: a resolved incident that flares up again. */
class ReopenCommandTest {
    private final CommandParser parser = new CommandParser(SeedCatalog.catalog(), CommandHandlerTest.ENGLISH);

    @Test
    void reopenNamesOneIncidentAndMayGiveAReason() {
        assertEquals(new DetourCommand.Reopen(new IncidentId(3), Optional.of("529s are back")),
                parser.parse("reopen INC-3 -- 529s are back"));
        assertEquals(new DetourCommand.Reopen(new IncidentId(3), Optional.empty()), parser.parse("Reopen 3"));
    }

    @Test
    void reopenWithoutAnIncidentSaysWhichIsMissingAndShowsTheUsage() {
        DetourCommand.Invalid invalid = assertInstanceOf(DetourCommand.Invalid.class, parser.parse("reopen"));

        assertTrue(invalid.problem().contains("Say which incident"), invalid.problem());
        assertEquals(Verb.REOPEN.usage(), invalid.usage());
    }

    @Test
    void reopeningChangesProduction() {
        assertTrue(new DetourCommand.Reopen(new IncidentId(3), Optional.empty()).changesProduction());
    }
}
