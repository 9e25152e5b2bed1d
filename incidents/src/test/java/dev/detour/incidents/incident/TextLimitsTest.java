package dev.detour.incidents.incident;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextLimitsTest {

    @Test
    void textThatFitsIsKeptAsItIs() {
        String text = "elevated errors";
        assertSame(text, TextLimits.clip(text, 15));
    }

    @Test
    void cutTextFitsItsLimitAndSaysHowMuchWasLeftOut() {
        String clipped = TextLimits.clip("x".repeat(5000), 4000);
        assertTrue(clipped.length() <= 4000, "length " + clipped.length());
        int kept = clipped.indexOf('…');
        assertTrue(clipped.endsWith("… (cut, " + (5000 - kept) + " characters)"), clipped.substring(kept));
    }

    @Test
    void aSurrogatePairIsNeverSplit() {
        String emoji = "\uD83D\uDE00".repeat(1600);
        String clipped = TextLimits.clip(emoji, 3000);
        assertTrue(clipped.length() <= 3000);
        String kept = clipped.substring(0, clipped.indexOf('…'));
        assertEquals(0, kept.length() % 2);
        assertTrue(kept.codePoints().allMatch(c -> c == 0x1F600), "only whole emoji are kept");
        assertTrue(clipped.endsWith("characters)"));
    }

    @Test
    void aWidthFunctionMeasuresTextAsItWillBeShown() {
        // '<' is escaped to '&lt;' (4 characters): 2990 of them are 11,960 once escaped.
        String clipped = TextLimits.clip("<".repeat(2990), 3000, c -> c == '<' ? 4 : 1);
        long kept = clipped.chars().filter(c -> c == '<').count();
        assertTrue(kept * 4 + (clipped.length() - kept) <= 3000, "escaped length fits");
        assertTrue(clipped.endsWith("… (cut, " + (2990 - kept) + " characters)"));
    }

    @Test
    void aLimitTooSmallForTheNoteGetsABareEllipsis() {
        assertEquals("abcd…", TextLimits.clip("abcdefghij", 5));
    }
}
