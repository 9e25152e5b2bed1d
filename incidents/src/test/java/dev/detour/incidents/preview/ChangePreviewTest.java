package dev.detour.incidents.preview;

import dev.detour.incidents.FortyModelCatalog;
import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.ConsentAnswer;
import dev.detour.incidents.catalog.DetectionSettings;
import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.ProviderId;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.catalog.TaskClassId;
import dev.detour.incidents.incident.Refusal;
import dev.detour.incidents.routing.Availability;
import dev.detour.incidents.routing.ConsentRecord;
import dev.detour.incidents.routing.Route;
import dev.detour.incidents.routing.RouteOverride;
import dev.detour.incidents.routing.RoutePlanner;
import dev.detour.incidents.routing.RouteState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.detour.incidents.SeedCatalog.ANTHROPIC;
import static dev.detour.incidents.SeedCatalog.CODE_MIGRATION;
import static dev.detour.incidents.SeedCatalog.GPT_5;
import static dev.detour.incidents.SeedCatalog.LEGAL_REVIEW;
import static dev.detour.incidents.SeedCatalog.MEETING_SUMMARY;
import static dev.detour.incidents.SeedCatalog.OPENAI;
import static dev.detour.incidents.SeedCatalog.OPUS_47;
import static dev.detour.incidents.SeedCatalog.OPUS_48;
import static dev.detour.incidents.SeedCatalog.SONNET_46;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The preview of every kind of change as a specification, over the seed catalog and the 40-model catalog. */
class ChangePreviewTest {
    private static final Catalog SEED = SeedCatalog.catalog();
    private static final ChangePreview PREVIEW = new ChangePreview(SEED, DetectionSettings.DEFAULTS);
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    @Test
    void disablingTheSeedProviderMovesEveryClassAndNamesEveryFlagThatChanges() {
        Preview preview = previewed(PREVIEW.preview(disable(Target.provider(ANTHROPIC)), settled(SEED,
                Availability.allAvailable()), Map.of()));

        assertEquals(List.of(MEETING_SUMMARY, CODE_MIGRATION, LEGAL_REVIEW),
                preview.taskClasses().stream().map(TaskClassEffect::taskClass).toList());
        TaskClassEffect meetings = preview.taskClasses().get(0);
        assertEquals(Optional.of(RouteState.PRIMARY), meetings.stateBefore());
        assertEquals(Optional.of(OPUS_48), meetings.servingBefore());
        assertEquals(RouteState.FALLBACK, meetings.stateAfter());
        assertEquals(Optional.of(GPT_5), meetings.servingAfter());
        assertEquals(RouteState.AWAITING_CONSENT, preview.taskClasses().get(1).stateAfter());
        assertEquals(RouteState.STOPPED, preview.taskClasses().get(2).stateAfter());
        assertEquals(List.of(CODE_MIGRATION, LEGAL_REVIEW), preview.paused());
        assertEquals(List.of(new QuestionEffect(CODE_MIGRATION, GPT_5, Duration.ofMinutes(15), ConsentAnswer.DENY)),
                preview.questions());
        assertEquals(List.of(
                new FlagChange("model.claude-opus-4-7.enabled", "true", "false"),
                new FlagChange("model.claude-opus-4-8.enabled", "true", "false"),
                new FlagChange("model.claude-sonnet-4-6.enabled", "true", "false"),
                new FlagChange("provider.anthropic.enabled", "true", "false"),
                new FlagChange("route.code-migration", "claude-opus-4-7", "stopped"),
                new FlagChange("route.legal-review", "claude-opus-4-8", "stopped"),
                new FlagChange("route.meeting-summary", "claude-opus-4-8", "gpt-5")), preview.flags());
        assertEquals(List.of(OPUS_48, OPUS_47, SONNET_46),
                preview.switchedOff().stream().map(SwitchedOffModel::model).toList());
    }

    @Test
    void aProviderWideDisableNamesTheHealthyModelItWouldSwitchOffAndOffersOnlyTheFailingOnes() {
        Map<ModelId, ModelEvidence> evidence = Map.of(
                OPUS_48, gateway(OPUS_48, 400, 140),
                OPUS_47, new ModelEvidence(OPUS_47, Optional.empty(), List.of("statuspage:anthropic")),
                SONNET_46, gateway(SONNET_46, 1240, 2));

        Preview preview = previewed(PREVIEW.preview(disable(Target.provider(ANTHROPIC)), settled(SEED,
                Availability.allAvailable()), evidence));

        assertEquals(List.of(
                new SwitchedOffModel(OPUS_48, ModelHealthVerdict.FAILING, evidence.get(OPUS_48).gateway(), List.of()),
                new SwitchedOffModel(OPUS_47, ModelHealthVerdict.FAILING, Optional.empty(),
                        List.of("statuspage:anthropic")),
                new SwitchedOffModel(SONNET_46, ModelHealthVerdict.HEALTHY, evidence.get(SONNET_46).gateway(),
                        List.of())), preview.switchedOff());
        assertEquals(List.of(SONNET_46), preview.healthySwitchedOff().stream().map(SwitchedOffModel::model).toList());
        assertEquals(Optional.of(disable(Target.model(OPUS_47), Target.model(OPUS_48))), preview.narrower());
    }

    @Test
    void noNarrowerScopeIsOfferedWithoutAHealthyModelWithEnoughTraffic() {
        RoutingSnapshot state = settled(SEED, Availability.allAvailable());
        int tooFew = DetectionSettings.DEFAULTS.minRequests() - 1;
        Map<ModelId, ModelEvidence> quietSonnet = Map.of(OPUS_48, gateway(OPUS_48, 400, 140),
                SONNET_46, gateway(SONNET_46, tooFew, 0));
        Map<ModelId, ModelEvidence> allFailing = Map.of(OPUS_48, gateway(OPUS_48, 400, 140),
                OPUS_47, gateway(OPUS_47, 400, 140), SONNET_46, gateway(SONNET_46, 400, 140));

        Preview quiet = previewed(PREVIEW.preview(disable(Target.provider(ANTHROPIC)), state, quietSonnet));
        Preview failing = previewed(PREVIEW.preview(disable(Target.provider(ANTHROPIC)), state, allFailing));

        assertEquals(ModelHealthVerdict.UNKNOWN, quiet.switchedOff().get(2).health());
        assertEquals(Optional.empty(), quiet.narrower());
        assertEquals(List.of(), failing.healthySwitchedOff());
        assertEquals(Optional.empty(), failing.narrower());
    }

    @Test
    void disablingModelsOneByOneOffersNothingNarrowerEvenWhenOneIsHealthy() {
        Map<ModelId, ModelEvidence> evidence = Map.of(OPUS_48, gateway(OPUS_48, 400, 140),
                SONNET_46, gateway(SONNET_46, 1240, 2));

        Preview preview = previewed(PREVIEW.preview(disable(Target.model(OPUS_48), Target.model(SONNET_46)),
                settled(SEED, Availability.allAvailable()), evidence));

        assertEquals(List.of(SONNET_46), preview.healthySwitchedOff().stream().map(SwitchedOffModel::model).toList());
        assertEquals(Optional.empty(), preview.narrower());
    }

    @Test
    void anErrorRateBetweenTheTwoThresholdsIsNeitherFailingNorHealthy() {
        DetectionSettings settings = DetectionSettings.DEFAULTS;
        long requests = 1000;
        long between = (long) (requests * (settings.closeErrorRate() + settings.openErrorRate()) / 2);

        assertEquals(ModelHealthVerdict.UNKNOWN, PREVIEW.health(gateway(SONNET_46, requests, between)));
        assertEquals(ModelHealthVerdict.FAILING, PREVIEW.health(gateway(SONNET_46, requests,
                (long) (requests * settings.openErrorRate()))));
        assertEquals(ModelHealthVerdict.HEALTHY, PREVIEW.health(gateway(SONNET_46, requests, 0)));
    }

    @Test
    void enablingAProviderAgainBringsEveryClassBackToItsPrimaryAndAsksNothing() {
        Availability off = Availability.allAvailable().withProvider(ANTHROPIC, false);

        Preview preview = previewed(PREVIEW.preview(new ProposedChange.Enable(List.of(Target.provider(ANTHROPIC))),
                settled(SEED, off), Map.of()));

        assertTrue(preview.taskClasses().stream().allMatch(effect -> effect.stateAfter() == RouteState.PRIMARY));
        assertEquals(List.of(), preview.paused());
        assertEquals(List.of(), preview.questions());
        assertEquals(List.of(), preview.switchedOff());
        assertTrue(preview.flags().contains(new FlagChange("provider.anthropic.enabled", "false", "true")));
    }

    @Test
    void theSupportPostIsAStatusPostWhileAClassIsOffItsModelTheAllClearWhenTheLastComesBackElseNone() {
        Availability all = Availability.allAvailable();
        Availability anthropicOff = all.withProvider(ANTHROPIC, false);
        Availability openaiOff = all.withProvider(OPENAI, false);

        assertEquals(Optional.of(dev.detour.incidents.support.SupportPostKind.STATUS), previewed(PREVIEW.preview(
                disable(Target.provider(ANTHROPIC)), settled(SEED, all), Map.of())).supportPost());
        assertEquals(Optional.of(dev.detour.incidents.support.SupportPostKind.ALL_CLEAR), previewed(PREVIEW.preview(
                new ProposedChange.Enable(List.of(Target.provider(ANTHROPIC))), settled(SEED, anthropicOff),
                Map.of())).supportPost());
        assertEquals(Optional.empty(), previewed(PREVIEW.preview(disable(Target.provider(OPENAI)),
                settled(SEED, openaiOff), Map.of())).supportPost(), "nothing moves, nothing to tell support");
        assertEquals(Optional.empty(), previewed(PREVIEW.preview(disable(Target.model(GPT_5)),
                settled(SEED, all), Map.of())).supportPost(), "no class serves from it: every class stays as it is");
    }

    @Test
    void disablingWhatIsAlreadyOffChangesNothing() {
        Availability off = Availability.allAvailable().withProvider(OPENAI, false);

        Preview preview = previewed(PREVIEW.preview(disable(Target.provider(OPENAI)), settled(SEED, off), Map.of()));

        assertTrue(preview.changesNothing());
        assertEquals(List.of(), preview.switchedOff());
    }

    @Test
    void stoppingAClassByOverridePausesItAndReleasingTheOverrideResumesIt() {
        RoutingSnapshot state = settled(SEED, Availability.allAvailable());
        Preview stop = previewed(PREVIEW.preview(new ProposedChange.Reroute(MEETING_SUMMARY,
                Optional.of(new RouteOverride.Stop())), state, Map.of()));
        RoutingSnapshot stopped = settled(SEED, Availability.allAvailable(),
                Map.of(MEETING_SUMMARY, new RouteOverride.Stop()), Map.of());
        Preview release = previewed(PREVIEW.preview(new ProposedChange.Reroute(MEETING_SUMMARY, Optional.empty()),
                stopped, Map.of()));

        assertEquals(List.of(MEETING_SUMMARY), stop.paused());
        assertEquals(List.of(new FlagChange("route.meeting-summary", "claude-opus-4-8", "stopped")), stop.flags());
        assertEquals(List.of(), release.paused());
        assertEquals(List.of(new FlagChange("route.meeting-summary", "stopped", "claude-opus-4-8")), release.flags());
    }

    @Test
    void pinningAModelServesIt() {
        Preview preview = previewed(PREVIEW.preview(new ProposedChange.Reroute(LEGAL_REVIEW,
                Optional.of(new RouteOverride.Pin(GPT_5))), settled(SEED, Availability.allAvailable()), Map.of()));

        assertEquals(List.of(new FlagChange("route.legal-review", "claude-opus-4-8", "gpt-5")), preview.flags());
        assertEquals(RouteState.FALLBACK, preview.taskClasses().get(2).stateAfter());
    }

    @Test
    void approvingAnOpenQuestionMovesTheClassToTheOfferedModelAndDenyingKeepsItPaused() {
        RoutingSnapshot waiting = settled(SEED, Availability.allAvailable().withModel(OPUS_47, false));

        Preview approve = previewed(PREVIEW.preview(new ProposedChange.Answer(CODE_MIGRATION, ConsentAnswer.APPROVE),
                waiting, Map.of()));
        Preview deny = previewed(PREVIEW.preview(new ProposedChange.Answer(CODE_MIGRATION, ConsentAnswer.DENY),
                waiting, Map.of()));

        assertEquals(List.of(new FlagChange("route.code-migration", "stopped", "gpt-5")), approve.flags());
        assertEquals(RouteState.FALLBACK, approve.taskClasses().get(1).stateAfter());
        assertEquals(List.of(), deny.flags());
        assertEquals(RouteState.STOPPED, deny.taskClasses().get(1).stateAfter());
        assertTrue(deny.taskClasses().get(1).changed(), "the denial is recorded as a new route");
        assertEquals(List.of(), deny.paused(), "it was paused already");
    }

    @Test
    void aPreviewRefusesWhatTheRealChangeRefuses() {
        RoutingSnapshot state = settled(SEED, Availability.allAvailable());
        Target unknown = Target.provider(ProviderId.of("nope"));
        TaskClassId noClass = TaskClassId.of("no-such-class");
        ModelId noModel = ModelId.of("no-such-model");

        assertEquals(new Refusal.UnknownTargets(List.of(unknown)), refused(PREVIEW.preview(
                disable(Target.provider(ANTHROPIC), unknown), state, Map.of())));
        assertEquals(new Refusal.NothingNamed(), refused(PREVIEW.preview(disable(), state, Map.of())));
        assertEquals(new Refusal.UnknownTaskClass(noClass), refused(PREVIEW.preview(new ProposedChange.Reroute(
                noClass, Optional.empty()), state, Map.of())));
        assertEquals(new Refusal.UnknownModel(noModel), refused(PREVIEW.preview(new ProposedChange.Reroute(
                LEGAL_REVIEW, Optional.of(new RouteOverride.Pin(noModel))), state, Map.of())));
        assertEquals(new Refusal.AlreadyOverridden(LEGAL_REVIEW, Optional.empty()), refused(PREVIEW.preview(
                new ProposedChange.Reroute(LEGAL_REVIEW, Optional.empty()), state, Map.of())));
        assertEquals(new Refusal.NoOpenQuestion(CODE_MIGRATION, Optional.of(RouteState.PRIMARY)), refused(
                PREVIEW.preview(new ProposedChange.Answer(CODE_MIGRATION, ConsentAnswer.APPROVE), state, Map.of())));
    }

    @Test
    void theVersionIsTheSameForEqualStatesAndMovesWithAnyInput() {
        RoutingSnapshot state = settled(SEED, Availability.allAvailable());
        Map<TaskClassId, Route> reversed = new LinkedHashMap<>();
        List.of(LEGAL_REVIEW, CODE_MIGRATION, MEETING_SUMMARY).forEach(id -> reversed.put(id, state.routes().get(id)));

        assertEquals(state.version(), new RoutingSnapshot(state.availability(), Map.of(), Map.of(), reversed).version());
        assertNotEquals(state.version(), new RoutingSnapshot(Availability.allAvailable().withModel(SONNET_46, false),
                Map.of(), Map.of(), state.routes()).version());
        assertNotEquals(state.version(), new RoutingSnapshot(state.availability(),
                Map.of(LEGAL_REVIEW, new RouteOverride.Stop()), Map.of(), state.routes()).version());
        assertNotEquals(state.version(), new RoutingSnapshot(state.availability(), Map.of(),
                Map.of(CODE_MIGRATION, new ConsentRecord(CODE_MIGRATION, GPT_5, ConsentAnswer.DENY)),
                state.routes()).version());
        assertEquals(state.version(), previewed(PREVIEW.preview(disable(Target.provider(ANTHROPIC)), state,
                Map.of())).version());
    }

    @Test
    void disablingOneProviderOfTheFortyModelCatalogMovesExactlyTheClassesThatStartOnIt() {
        Catalog big = FortyModelCatalog.catalog();
        ChangePreview preview = new ChangePreview(big, DetectionSettings.DEFAULTS);

        Preview result = previewed(preview.preview(disable(Target.provider(FortyModelCatalog.provider(0))),
                settled(big, Availability.allAvailable()), Map.of()));

        assertEquals(FortyModelCatalog.TASK_CLASSES, result.taskClasses().size());
        assertEquals(10, result.changed().size());
        assertEquals(List.of(1, 2, 4, 5, 7, 8).stream().map(FortyModelCatalog::task).toList(), result.paused());
        assertEquals(List.of(
                new QuestionEffect(FortyModelCatalog.task(1), FortyModelCatalog.model(3, 1),
                        FortyModelCatalog.CONSENT_TIMEOUT, ConsentAnswer.APPROVE),
                new QuestionEffect(FortyModelCatalog.task(4), FortyModelCatalog.model(3, 4),
                        FortyModelCatalog.CONSENT_TIMEOUT, ConsentAnswer.DENY),
                new QuestionEffect(FortyModelCatalog.task(7), FortyModelCatalog.model(3, 7),
                        FortyModelCatalog.CONSENT_TIMEOUT, ConsentAnswer.APPROVE)), result.questions());
        assertEquals(1 + 10 + 10, result.flags().size(), "the provider, its ten models and ten routes");
        assertEquals(10, result.switchedOff().size());
    }

    @Test
    void everyPreviewOfTheFortyModelCatalogPlansWhatThePlannerPlansAfterTheChange() {
        Catalog big = FortyModelCatalog.catalog();
        ChangePreview preview = new ChangePreview(big, DetectionSettings.DEFAULTS);
        RoutingSnapshot state = settled(big, Availability.allAvailable());
        for (int p = 0; p < FortyModelCatalog.PROVIDERS; p++) {
            ProviderId provider = FortyModelCatalog.provider(p);
            Map<dev.detour.incidents.catalog.TaskClassId, Route> expected = new RoutePlanner().planAll(big,
                    Availability.allAvailable().withProvider(provider, false), Map.of(), Map.of());

            Preview result = previewed(preview.preview(disable(Target.provider(provider)), state, Map.of()));

            result.taskClasses().forEach(effect -> assertEquals(expected.get(effect.taskClass()), effect.after(),
                    provider + " " + effect.taskClass()));
            assertEquals(result.changed().size(), result.flags().stream()
                    .filter(flag -> flag.key().startsWith("route.")).count(), provider + ": every moved route"
                    + " changes its flag (no class waits or stops on a model it already stopped on)");
        }
    }

    static RoutingSnapshot settled(Catalog catalog, Availability availability) {
        return settled(catalog, availability, Map.of(), Map.of());
    }

    /** A state whose stored routes are what the planner gives for its inputs, as after any applied change. */
    static RoutingSnapshot settled(Catalog catalog, Availability availability, Map<TaskClassId, RouteOverride> overrides,
                                   Map<TaskClassId, ConsentRecord> consents) {
        return new RoutingSnapshot(availability, overrides, consents,
                new RoutePlanner().planAll(catalog, availability, overrides, consents));
    }

    private static ProposedChange.Disable disable(Target... targets) {
        return new ProposedChange.Disable(List.of(targets));
    }

    private static ModelEvidence gateway(ModelId model, long requests, long errors) {
        return new ModelEvidence(model, Optional.of(new ModelEvidence.Traffic(requests, errors, FIVE_MINUTES)),
                List.of());
    }

    private static Preview previewed(PreviewOutcome outcome) {
        if (outcome instanceof PreviewOutcome.Previewed previewed) {
            return previewed.preview();
        }
        throw new AssertionError("refused: " + outcome);
    }

    private static Refusal refused(PreviewOutcome outcome) {
        if (outcome instanceof PreviewOutcome.Refused refused) {
            return refused.refusal();
        }
        throw new AssertionError("previewed: " + outcome);
    }
}
