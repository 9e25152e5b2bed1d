package dev.detour.incidents.flags;

import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.catalog.ConsentAnswer;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.readmodel.DetourStatus;
import dev.detour.incidents.recovery.RampShare;
import dev.detour.incidents.routing.Availability;
import dev.detour.incidents.routing.ConsentRecord;
import dev.detour.incidents.routing.RouteOverride;
import dev.detour.incidents.testing.RampingStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import static dev.detour.incidents.SeedCatalog.ANTHROPIC;
import static dev.detour.incidents.SeedCatalog.CODE_MIGRATION;
import static dev.detour.incidents.SeedCatalog.GPT_5;
import static dev.detour.incidents.SeedCatalog.MEETING_SUMMARY;
import static dev.detour.incidents.SeedCatalog.OPUS_47;
import static dev.detour.incidents.SeedCatalog.OPUS_48;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The flags while a target ramps (docs/flags.md, "While a target ramps"). */
class RampSplitFlagsTest {
    private static final Instant AT = Instant.parse("2026-06-07T12:40:00Z");
    private static final RampShare OPUS_AT_50 = RampingStatus.ramp(Target.model(OPUS_48), 50, 2, AT);

    private static FlagSet flags(Availability off, RampShare... ramps) {
        return FlagSet.of(RampingStatus.of(SeedCatalog.catalog(), off, AT, ramps), SeedCatalog.catalog());
    }

    /** The first key (user-0, user-1, ...) that is in (or out of) the share of {@code flag}. */
    private static String key(Flag flag, boolean in) {
        return IntStream.range(0, 1_000).mapToObj(i -> "user-" + i)
                .filter(key -> flag.split().orElseThrow().includes(flag.key(), key) == in)
                .findFirst().orElseThrow();
    }

    @Test
    void aRampingModelIsOnForTheKeysInItsShareWithReasonSplit() {
        Flag model = flags(Availability.allAvailable(), OPUS_AT_50).get("model.claude-opus-4-8.enabled")
                .orElseThrow();

        FlagEvaluation in = model.evaluate(Optional.of(key(model, true)));
        FlagEvaluation out = model.evaluate(Optional.of(key(model, false)));

        assertEquals(true, in.value());
        assertEquals("on", in.variant());
        assertEquals(FlagEvaluation.Reason.SPLIT, in.reason());
        assertEquals(false, out.value());
        assertEquals("off", out.variant());
        assertEquals(FlagEvaluation.Reason.SPLIT, out.reason());
        assertEquals("50", in.metadata().get("rampPercent"));
        assertEquals("2", in.metadata().get("rampStep"));
    }

    @Test
    void withoutATargetingKeyASplitFlagIsTheConservativeValueWithReasonDefault() {
        Flag model = flags(Availability.allAvailable(), OPUS_AT_50).get("model.claude-opus-4-8.enabled")
                .orElseThrow();

        FlagEvaluation evaluation = model.evaluate(Optional.empty());

        assertEquals(false, evaluation.value());
        assertEquals(FlagEvaluation.Reason.DEFAULT, evaluation.reason());
    }

    @Test
    void withoutARampEveryFlagIsTheSameForEveryoneWithReasonStatic() {
        FlagSet flags = flags(new Availability(java.util.Set.of(), java.util.Set.of(OPUS_48)));

        assertFalse(flags.splits());
        Flag model = flags.get("model.claude-opus-4-8.enabled").orElseThrow();
        assertEquals(FlagEvaluation.Reason.STATIC, model.evaluate(Optional.of("user-1")).reason());
        assertEquals(false, model.evaluate(Optional.of("user-1")).value());
        assertFalse(model.metadata().containsKey("rampPercent"));
        assertEquals(flags.etag(), flags.etagFor(Optional.of("user-1")));
    }

    @Test
    void aRouteGivesThePrimaryInTheShareAndTheFallbackOutsideIt() {
        Flag route = flags(Availability.allAvailable(), OPUS_AT_50).get("route.meeting-summary").orElseThrow();

        FlagEvaluation in = route.evaluate(Optional.of(key(route, true)));
        FlagEvaluation out = route.evaluate(Optional.of(key(route, false)));

        assertEquals("claude-opus-4-8", in.value());
        assertEquals("primary", in.variant());
        assertEquals("gpt-5", out.value());
        assertEquals("fallback", out.variant());
        assertEquals("gpt-5", route.evaluate(Optional.empty()).value());
    }

    @Test
    void aStopClassIsStoppedOutsideTheShareAndOnItsPrimaryInIt() {
        Flag route = flags(Availability.allAvailable(), OPUS_AT_50).get("route.legal-review").orElseThrow();

        assertEquals("claude-opus-4-8", route.evaluate(Optional.of(key(route, true))).value());
        assertEquals("stopped", route.evaluate(Optional.of(key(route, false))).value());
    }

    @Test
    void aRampingProviderSplitsItsOwnFlagItsModelsAndTheirRoutes() {
        FlagSet flags = flags(Availability.allAvailable(),
                RampingStatus.ramp(Target.provider(ANTHROPIC), 10, 1, AT));

        assertEquals(10, flags.get("provider.anthropic.enabled").orElseThrow().split().orElseThrow().percent());
        assertEquals(10, flags.get("model.claude-opus-4-7.enabled").orElseThrow().split().orElseThrow().percent());
        assertEquals("claude-opus-4-8", flags.get("route.meeting-summary").orElseThrow().split().orElseThrow()
                .value());
        assertTrue(flags.get("model.gpt-5.enabled").orElseThrow().split().isEmpty());
    }

    @Test
    void aModelThatNeedsTwoRampsTakesTheSmallerShare() {
        FlagSet flags = flags(Availability.allAvailable(), RampingStatus.ramp(Target.provider(ANTHROPIC), 50, 2, AT),
                RampingStatus.ramp(Target.model(OPUS_48), 10, 1, AT));

        FlagSplit split = flags.get("model.claude-opus-4-8.enabled").orElseThrow().split().orElseThrow();
        assertEquals(10, split.percent());
        assertEquals(1, split.step());
    }

    @Test
    void aModelWhoseProviderIsOffWithoutARampDoesNotSplit() {
        FlagSet flags = flags(Availability.allAvailable().withProvider(ANTHROPIC, false), OPUS_AT_50);

        assertTrue(flags.get("model.claude-opus-4-8.enabled").orElseThrow().split().isEmpty());
        assertTrue(flags.get("route.meeting-summary").orElseThrow().split().isEmpty());
    }

    @Test
    void aPersonsOverrideIsNotSplit() {
        DetourStatus status = RampingStatus.of(SeedCatalog.catalog(), Availability.allAvailable(),
                Map.of(MEETING_SUMMARY, new RouteOverride.Pin(GPT_5)), Map.of(), AT, OPUS_AT_50);

        assertTrue(FlagSet.of(status, SeedCatalog.catalog()).get("route.meeting-summary").orElseThrow().split()
                .isEmpty());
    }

    @Test
    void aConsentClassGoesBackToItsPrimaryInTheShareWithoutAskingAgain() {
        RampShare opus47 = RampingStatus.ramp(Target.model(OPUS_47), 50, 2, AT);
        DetourStatus waiting = RampingStatus.of(SeedCatalog.catalog(), Availability.allAvailable(), Map.of(),
                Map.of(), AT, opus47);
        DetourStatus denied = RampingStatus.of(SeedCatalog.catalog(), Availability.allAvailable(), Map.of(),
                Map.of(CODE_MIGRATION, new ConsentRecord(CODE_MIGRATION, GPT_5, ConsentAnswer.DENY)), AT, opus47);

        for (DetourStatus status : new DetourStatus[] {waiting, denied}) {
            FlagSplit split = FlagSet.of(status, SeedCatalog.catalog()).get("route.code-migration").orElseThrow()
                    .split().orElseThrow();
            assertEquals("claude-opus-4-7", split.value());
            assertEquals("primary", split.variant());
        }
    }

    @Test
    void theEtagChangesWithEachStepAndTheBulkTagWithTheKeysShare() {
        FlagSet at10 = flags(Availability.allAvailable(), RampingStatus.ramp(Target.model(OPUS_48), 10, 1, AT));
        FlagSet at50 = flags(Availability.allAvailable(), OPUS_AT_50);

        assertNotEquals(at10.etag(), at50.etag());
        assertTrue(at50.splits());
        Flag model = at50.get("model.claude-opus-4-8.enabled").orElseThrow();
        assertNotEquals(at50.etagFor(Optional.of(key(model, true))), at50.etagFor(Optional.of(key(model, false))));
        assertNotEquals(at50.etagFor(Optional.empty()), at50.etagFor(Optional.of(key(model, false))));
        assertEquals(at50.etagFor(Optional.of("user-7")), at50.etagFor(Optional.of("user-7")));
    }
}
