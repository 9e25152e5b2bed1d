package dev.detour.incidents.signals;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UnknownModelNamesTest {
    @Test
    void namesAreCountedMostFrequentFirst() {
        UnknownModelNames names = new UnknownModelNames();
        names.seen("gpt-6", 1);
        names.seen("claude-opus-4-8-20260514", 3);
        names.seen("gpt-6", 1);

        assertEquals(new UnknownModelNames.Snapshot(List.of(
                new UnknownModelNames.Count("claude-opus-4-8-20260514", 3),
                new UnknownModelNames.Count("gpt-6", 2)), 0), names.snapshot());
    }

    @Test
    void beyondAHundredNamesTheRestAreCountedTogetherAndLongNamesAreCut() {
        UnknownModelNames names = new UnknownModelNames();
        for (int i = 0; i < 150; i++) {
            names.seen("model-" + i, 1);
        }
        names.seen("x".repeat(5000), 1);

        assertEquals(UnknownModelNames.NAMES, names.snapshot().names().size());
        assertEquals(51, names.snapshot().others());
        UnknownModelNames one = new UnknownModelNames();
        one.seen("x".repeat(5000), 2);
        assertEquals(UnknownModelNames.NAME_LENGTH, one.snapshot().names().get(0).name().length());
    }
}
