package dev.detour.commands;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.detour.messages.SlackMessage;
import dev.detour.messages.SlackText;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /detour help} lists every verb with its usage, what it does, and whether it is for on-call. */
class HelpTest {
    /**
     * The messages module keeps the golden file of the help, rendered from a copy of the verbs; comparing it with
     * the help made from the real verbs proves the copy, and so the golden file, right. Surefire runs in the
     * module's directory.
     */
    private static final Path GOLDEN = Path.of("../messages/src/test/resources/golden/help.json");

    @Test
    void theHelpIsExactlyTheGoldenHelpOfTheMessagesModule() throws IOException {
        JsonObject golden = JsonParser.parseString(Files.readString(GOLDEN, StandardCharsets.UTF_8)).getAsJsonObject();
        SlackMessage help = CommandHandler.help(CommandHandlerTest.ENGLISH);

        assertEquals(golden.get("text").getAsString(), help.text());
        assertEquals(1, help.blocks().size());
    }

    @Test
    void everyVerbIsListedWithWhatItDoesAndOnlyOnCallVerbsAreMarked() {
        String help = CommandHandler.help(CommandHandlerTest.ENGLISH).text();
        for (Verb verb : Verb.values()) {
            // Usage lines are escaped, or Slack would read "<provider|model>" as a link.
            String line = help.substring(help.indexOf("`" + SlackText.escape(verb.usage()) + "`\n"));
            String description = line.lines().skip(1).findFirst().orElse("").strip();
            assertFalse(description.isEmpty(), verb + " has no description");
            assertEquals(verb.changesProduction(), description.endsWith("_(on-call)_"), verb + ": " + description);
        }
        assertTrue(help.startsWith("*Detour commands*\n"), help);
    }
}
