package dev.detour.messages;

import com.google.gson.JsonObject;
import dev.detour.incidents.event.DetourEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The words are translatable: a second bundle ({@code wording_de.properties} in the test resources) changes what
 * the renderers say, key by key; a language without a bundle gets English.
 */
class WordingTest {
    private static final Wording GERMAN = Wording.of("de");

    private final Scenario seed = Scenario.seed();

    @Test
    void aSecondBundleTranslatesTheRootMessage() {
        SlackMessage root = new IncidentRootMessage(seed.names(), GERMAN).render(seed.opened(), seed.during());
        String json = SlackJson.pretty(SlackJson.of(root));

        assertTrue(root.text().startsWith("INC-1 · Ausfall · wird untersucht: "), root.text());
        assertTrue(json.contains("\"text\": \"Übernehmen\""), json);
        assertTrue(json.contains("Zuletzt geändert <!date^1780818000^{time}|07:40 UTC>"), json);
    }

    @Test
    void durationsAreWordsToo() {
        assertEquals("4h 12m", Wording.of("en").duration(java.time.Duration.ofMinutes(252)));
        assertEquals("4 Std. 12 Min.", GERMAN.duration(java.time.Duration.ofMinutes(252)));
        assertEquals("35 Min.", GERMAN.duration(java.time.Duration.ofMinutes(35)));
        assertEquals("20 Sek.", GERMAN.duration(java.time.Duration.ofSeconds(20)));
    }

    @Test
    void aSecondBundleTranslatesTheConsentButtons() {
        DetourEvent question = seed.consentAsked();
        String json = SlackJson.pretty(SlackJson.of(new ThreadReply(seed.names(), GERMAN).render(question).get(0)));

        assertTrue(json.contains("\"text\": \"Zustimmen: GPT-5 nutzen\""), json);
        assertTrue(json.contains("\"text\": \"Ablehnen: pausiert lassen\""), json);
    }

    @Test
    void aSecondBundleTranslatesTheHelpTheStatusAndTheModals() {
        String help = new HelpMessage(GERMAN).render(GoldenCases.COMMANDS).text();
        JsonObject declare = SlackJson.of(new Modals(seed.catalog(), GERMAN).declare());

        assertTrue(help.startsWith("*Detour-Befehle*\n`/detour help`\n      diese Liste\n"), help);
        assertTrue(help.contains("eine Störung eröffnen (ohne Argumente: ein Formular) _(Bereitschaft)_"), help);
        assertEquals("Detour-Status: 1 offene Störung(en), 2 Modell(e) nicht nutzbar",
                new StatusMessage(seed.names(), GERMAN).render(seed.during()).text());
        assertEquals("Störung melden", declare.getAsJsonObject("title").get("text").getAsString());
        assertEquals("Abbrechen", declare.getAsJsonObject("close").get("text").getAsString());
    }

    @Test
    void aLanguageWithoutABundleGetsEnglishWhateverTheDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMAN);
            assertEquals("Detour status: 1 open incident(s), 2 model(s) not usable",
                    new StatusMessage(seed.names(), new Wording(Locale.FRENCH)).render(seed.during()).text());
            assertEquals("Detour status: 1 open incident(s), 2 model(s) not usable",
                    new StatusMessage(seed.names(), Wording.of("en")).render(seed.during()).text());
        } finally {
            Locale.setDefault(before);
        }
    }

    /** A lone apostrophe would vanish from a pattern with arguments, and stay in one without: always write ''. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev/detour/messages/wording.properties", "dev/detour/messages/wording_de.properties"})
    void everyPatternIsAMessageFormatWithItsApostrophesDoubled(String bundle) throws IOException {
        Properties patterns = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(bundle)) {
            patterns.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        List<String> wrong = new ArrayList<>();
        for (String key : patterns.stringPropertyNames()) {
            String pattern = patterns.getProperty(key);
            try {
                new MessageFormat(pattern);
            } catch (IllegalArgumentException e) {
                wrong.add(key + ": " + e.getMessage());
            }
            if (pattern.replace("''", "").contains("'")) {
                wrong.add(key + ": a single apostrophe");
            }
        }
        assertTrue(patterns.size() > 10, bundle + " was not read");
        assertEquals(List.of(), wrong);
    }
}
