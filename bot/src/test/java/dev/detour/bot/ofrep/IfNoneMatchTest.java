package dev.detour.bot.ofrep;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code If-None-Match} as RFC 9110 §13.1.2 defines it: weak comparison, a list, or {@code *}. */
class IfNoneMatchTest {
    private static final String CURRENT = "\"3f2a9c\"";

    @Test
    void theCurrentTagMatches() {
        assertTrue(IfNoneMatch.matches(List.of("\"3f2a9c\""), CURRENT));
    }

    @Test
    void aWeakTagMatchesTheStrongOneWithTheSameOpaqueTag() {
        assertTrue(IfNoneMatch.matches(List.of("W/\"3f2a9c\""), CURRENT));
    }

    @Test
    void aListHoldingTheCurrentTagMatchesWhereverItStands() {
        assertTrue(IfNoneMatch.matches(List.of("\"old\", W/\"3f2a9c\" ,\"older\""), CURRENT));
        assertTrue(IfNoneMatch.matches(List.of("\"old\",\"3f2a9c\""), CURRENT));
    }

    @Test
    void aListSplitOverSeveralHeaderLinesMatches() {
        assertTrue(IfNoneMatch.matches(List.of("\"old\"", "\"3f2a9c\""), CURRENT));
    }

    @Test
    void anAsteriskMatchesAnyCurrentRepresentation() {
        assertTrue(IfNoneMatch.matches(List.of("*"), CURRENT));
        assertTrue(IfNoneMatch.matches(List.of(" * "), CURRENT));
    }

    @Test
    void otherTagsAnUnquotedTagAndNoHeaderDoNotMatch() {
        assertFalse(IfNoneMatch.matches(List.of("\"old\", W/\"older\""), CURRENT));
        assertFalse(IfNoneMatch.matches(List.of("3f2a9c"), CURRENT));
        assertFalse(IfNoneMatch.matches(List.of("w/\"3f2a9c\""), CURRENT));
        assertFalse(IfNoneMatch.matches(List.of("\"3f2a9c"), CURRENT));
        assertFalse(IfNoneMatch.matches(List.of(""), CURRENT));
        assertFalse(IfNoneMatch.matches(List.of(), CURRENT));
    }

    @Test
    void aCommaInsideAnOpaqueTagDoesNotSplitIt() {
        assertTrue(IfNoneMatch.matches(List.of("\"a,b\""), "\"a,b\""));
        assertFalse(IfNoneMatch.matches(List.of("\"a,b\""), "\"a\""));
    }
}
