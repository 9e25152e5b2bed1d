package dev.detour.bot.ofrep;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Which single-flag paths the fast path reads itself; the rest (encoded, odd) are left to Micronaut's router. */
class OfrepShortcutTest {
    @Test
    void aKeyOfLettersDigitsDotsDashesAndUnderscoresIsTakenAsIs() {
        assertEquals("model.claude-opus-4-8.enabled",
                OfrepShortcut.plainKey("/ofrep/v1/evaluate/flags/model.claude-opus-4-8.enabled"));
        assertEquals("route.meeting_summary", OfrepShortcut.plainKey("/ofrep/v1/evaluate/flags/route.meeting_summary"));
    }

    @Test
    void encodedQueriedNestedOrEmptyKeysAreLeftToTheRouter() {
        assertNull(OfrepShortcut.plainKey("/ofrep/v1/evaluate/flags/"));
        assertNull(OfrepShortcut.plainKey("/ofrep/v1/evaluate/flags/model%2Egpt-5.enabled"));
        assertNull(OfrepShortcut.plainKey("/ofrep/v1/evaluate/flags/model.gpt-5.enabled?x=1"));
        assertNull(OfrepShortcut.plainKey("/ofrep/v1/evaluate/flags/a/b"));
        assertNull(OfrepShortcut.plainKey("/ofrep/v1/evaluate/flags/.."));
        assertNull(OfrepShortcut.plainKey("/ofrep/v1/evaluate/flagsx"));
    }
}
