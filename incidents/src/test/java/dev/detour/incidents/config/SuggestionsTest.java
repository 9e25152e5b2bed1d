package dev.detour.incidents.config;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SuggestionsTest {
    @Test
    void suggestsTheClosestCandidateWithinTwoEdits() {
        assertEquals(Optional.of("claude-opus-4-7"),
                Suggestions.closest("claude-opus-4-77", List.of("claude-opus-4-7", "gpt-5")));
        assertEquals(Optional.of("status"), Suggestions.closest("staus", List.of("status", "state", "summary")));
    }

    @Test
    void ignoresCaseWhenMeasuringButSuggestsTheCandidateAsWritten() {
        assertEquals(Optional.of("consent"), Suggestions.closest("CONSENT", List.of("auto", "consent", "stop")));
        assertEquals(" (did you mean 'gpt-5'?)", Suggestions.didYouMean("GPT-5", List.of("gpt-5")));
    }

    @Test
    void suggestsNothingForAWordFarFromEveryCandidate() {
        assertEquals(Optional.empty(), Suggestions.closest("banana", List.of("status", "declare")));
        assertEquals("", Suggestions.didYouMean("banana", List.of("status")));
    }

    @Test
    void countsInsertionsDeletionsAndSubstitutions() {
        assertEquals(0, Suggestions.distance("gpt-5", "gpt-5"));
        assertEquals(1, Suggestions.distance("gpt-5", "gpt-4"));
        assertEquals(2, Suggestions.distance("stop", "st"));
        assertEquals(3, Suggestions.distance("", "abc"));
    }
}
