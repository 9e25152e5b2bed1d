package dev.detour.incidents.routing;

import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.ConsentAnswer;
import dev.detour.incidents.catalog.FailoverMode;
import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.TaskClass;
import dev.detour.incidents.catalog.TaskClassId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static dev.detour.incidents.SeedCatalog.ANTHROPIC;
import static dev.detour.incidents.SeedCatalog.CODE_MIGRATION;
import static dev.detour.incidents.SeedCatalog.GPT_5;
import static dev.detour.incidents.SeedCatalog.LEGAL_REVIEW;
import static dev.detour.incidents.SeedCatalog.MEETING_SUMMARY;
import static dev.detour.incidents.SeedCatalog.OPENAI;
import static dev.detour.incidents.SeedCatalog.OPUS_47;
import static dev.detour.incidents.SeedCatalog.OPUS_48;
import static dev.detour.incidents.SeedCatalog.SONNET_46;
import static dev.detour.incidents.catalog.ConsentAnswer.APPROVE;
import static dev.detour.incidents.catalog.ConsentAnswer.DENY;
import static dev.detour.incidents.catalog.FailoverMode.AUTO;
import static dev.detour.incidents.catalog.FailoverMode.CONSENT;
import static dev.detour.incidents.catalog.FailoverMode.STOP;
import static dev.detour.incidents.routing.RouteCause.AUTO_FAILOVER;
import static dev.detour.incidents.routing.RouteCause.CONSENT_APPROVED;
import static dev.detour.incidents.routing.RouteCause.CONSENT_DENIED;
import static dev.detour.incidents.routing.RouteCause.CONSENT_PENDING;
import static dev.detour.incidents.routing.RouteCause.NO_MODEL_AVAILABLE;
import static dev.detour.incidents.routing.RouteCause.OVERRIDE_PIN;
import static dev.detour.incidents.routing.RouteCause.OVERRIDE_STOP;
import static dev.detour.incidents.routing.RouteCause.PINNED_MODEL_UNAVAILABLE;
import static dev.detour.incidents.routing.RouteCause.PRIMARY_AVAILABLE;
import static dev.detour.incidents.routing.RouteCause.STOP_POLICY;
import static dev.detour.incidents.routing.RouteState.AWAITING_CONSENT;
import static dev.detour.incidents.routing.RouteState.FALLBACK;
import static dev.detour.incidents.routing.RouteState.PRIMARY;
import static dev.detour.incidents.routing.RouteState.STOPPED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The routing policy as a specification: for each failover mode, a task class routed
 * [claude-opus-4-8 (anthropic), gpt-5 (openai)] in each situation, and the route it must get.
 */
class RoutePlannerTest {
    private static final TaskClassId TASK = TaskClassId.of("task");
    private static final Availability ALL_UP = Availability.allAvailable();
    private static final Availability PRIMARY_DOWN = ALL_UP.withModel(OPUS_48, false);
    private static final Availability PRIMARY_PROVIDER_DOWN = ALL_UP.withProvider(ANTHROPIC, false);
    private static final Availability EVERYTHING_DOWN = PRIMARY_DOWN.withModel(GPT_5, false);
    private static final Availability FALLBACK_PROVIDER_DOWN_TOO = PRIMARY_DOWN.withProvider(OPENAI, false);
    private static final Optional<RouteOverride> NO_OVERRIDE = Optional.empty();
    private static final Optional<ConsentRecord> NO_ANSWER = Optional.empty();

    private final RoutePlanner planner = new RoutePlanner();

    /** mode, situation, availability, override, consent answer, expected state, serving, offered, cause. */
    static Stream<Arguments> specification() {
        return Stream.of(FailoverMode.values()).flatMap(mode -> Stream.of(
                row(mode, "primary up", ALL_UP, NO_OVERRIDE, NO_ANSWER,
                        PRIMARY, OPUS_48, null, PRIMARY_AVAILABLE),
                row(mode, "primary down, fallback up", PRIMARY_DOWN, NO_OVERRIDE, NO_ANSWER,
                        switch (mode) {
                            case AUTO -> FALLBACK;
                            case CONSENT -> AWAITING_CONSENT;
                            case STOP -> STOPPED;
                        },
                        mode == AUTO ? GPT_5 : null, mode == CONSENT ? GPT_5 : null,
                        switch (mode) {
                            case AUTO -> AUTO_FAILOVER;
                            case CONSENT -> CONSENT_PENDING;
                            case STOP -> STOP_POLICY;
                        }),
                row(mode, "every route model down", EVERYTHING_DOWN, NO_OVERRIDE, NO_ANSWER,
                        STOPPED, null, null, NO_MODEL_AVAILABLE),
                row(mode, "fallback's provider down too", FALLBACK_PROVIDER_DOWN_TOO, NO_OVERRIDE, NO_ANSWER,
                        STOPPED, null, null, NO_MODEL_AVAILABLE),
                row(mode, "provider down while the model is up", PRIMARY_PROVIDER_DOWN, NO_OVERRIDE, NO_ANSWER,
                        mode == AUTO ? FALLBACK : mode == CONSENT ? AWAITING_CONSENT : STOPPED,
                        mode == AUTO ? GPT_5 : null, mode == CONSENT ? GPT_5 : null,
                        mode == AUTO ? AUTO_FAILOVER : mode == CONSENT ? CONSENT_PENDING : STOP_POLICY),
                row(mode, "primary down, move approved", PRIMARY_DOWN, NO_OVERRIDE, answer(GPT_5, APPROVE),
                        mode == STOP ? STOPPED : FALLBACK, mode == STOP ? null : GPT_5, null,
                        mode == AUTO ? AUTO_FAILOVER : mode == CONSENT ? CONSENT_APPROVED : STOP_POLICY),
                row(mode, "primary down, move denied", PRIMARY_DOWN, NO_OVERRIDE, answer(GPT_5, DENY),
                        mode == AUTO ? FALLBACK : STOPPED, mode == AUTO ? GPT_5 : null,
                        mode == CONSENT ? GPT_5 : null,
                        mode == AUTO ? AUTO_FAILOVER : mode == CONSENT ? CONSENT_DENIED : STOP_POLICY),
                row(mode, "primary back with an approval still recorded", ALL_UP, NO_OVERRIDE,
                        answer(GPT_5, APPROVE), PRIMARY, OPUS_48, null, PRIMARY_AVAILABLE),
                row(mode, "primary back with a denial still recorded", ALL_UP, NO_OVERRIDE,
                        answer(GPT_5, DENY), PRIMARY, OPUS_48, null, PRIMARY_AVAILABLE),
                row(mode, "override pins the fallback while the primary is up", ALL_UP,
                        Optional.of(new RouteOverride.Pin(GPT_5)), NO_ANSWER, FALLBACK, GPT_5, null, OVERRIDE_PIN),
                row(mode, "override pins the primary while it is down", PRIMARY_DOWN,
                        Optional.of(new RouteOverride.Pin(OPUS_48)), NO_ANSWER, STOPPED, null, null,
                        PINNED_MODEL_UNAVAILABLE),
                row(mode, "override pins a model outside the route", PRIMARY_DOWN,
                        Optional.of(new RouteOverride.Pin(SONNET_46)), NO_ANSWER, FALLBACK, SONNET_46, null,
                        OVERRIDE_PIN),
                row(mode, "override stops a healthy class", ALL_UP, Optional.of(new RouteOverride.Stop()),
                        NO_ANSWER, STOPPED, null, null, OVERRIDE_STOP),
                row(mode, "override released: the policy decides again", ALL_UP, NO_OVERRIDE, NO_ANSWER,
                        PRIMARY, OPUS_48, null, PRIMARY_AVAILABLE)));
    }

    @ParameterizedTest(name = "{0}, {1}: {5} {6}")
    @MethodSource("specification")
    void eachFailoverModeRoutesEachSituationAsSpecified(FailoverMode mode, String situation,
                                                        Availability availability, Optional<RouteOverride> override,
                                                        Optional<ConsentRecord> consent, RouteState state,
                                                        ModelId serving, ModelId offered, RouteCause cause) {
        TaskClass taskClass = SeedCatalog.taskClass(TASK, "Task", mode, OPUS_48, GPT_5);
        Catalog catalog = SeedCatalog.withTaskClasses(List.of(taskClass));

        Route route = planner.plan(taskClass, catalog, availability, override, consent);

        assertEquals(new Route(TASK, state, Optional.ofNullable(serving), Optional.ofNullable(offered), cause), route);
    }

    @Test
    void theSeedIncidentMovesEachClassItsOwnWayAndTheReturnBringsAllBack() {
        Catalog catalog = SeedCatalog.catalog();
        Availability degraded = ALL_UP.withModel(OPUS_48, false).withModel(OPUS_47, false);

        Map<TaskClassId, Route> during = planner.planAll(catalog, degraded, Map.of(), Map.of());
        assertEquals(FALLBACK, during.get(MEETING_SUMMARY).state());
        assertEquals(Optional.of(GPT_5), during.get(MEETING_SUMMARY).serving());
        assertEquals(AWAITING_CONSENT, during.get(CODE_MIGRATION).state());
        assertEquals(Optional.of(GPT_5), during.get(CODE_MIGRATION).offered());
        assertEquals(STOPPED, during.get(LEGAL_REVIEW).state());
        assertEquals("stopped", during.get(LEGAL_REVIEW).flagValue());

        Map<TaskClassId, ConsentRecord> approved = Map.of(CODE_MIGRATION,
                new ConsentRecord(CODE_MIGRATION, GPT_5, APPROVE));
        Route afterApproval = planner.planAll(catalog, degraded, Map.of(), approved).get(CODE_MIGRATION);
        assertEquals(FALLBACK, afterApproval.state());
        assertEquals("gpt-5", afterApproval.flagValue());

        Map<TaskClassId, Route> restored = planner.planAll(catalog, ALL_UP, Map.of(), approved);
        assertEquals(List.of(PRIMARY, PRIMARY, PRIMARY), restored.values().stream().map(Route::state).toList());
        assertEquals(List.of(OPUS_48, OPUS_47, OPUS_48),
                restored.values().stream().map(route -> route.serving().orElseThrow()).toList());
    }

    @Test
    void anApprovalCoversBetterModelsAndADenialCoversWorseOnes() {
        TaskClass threeSteps = SeedCatalog.taskClass(TASK, "Task", CONSENT, OPUS_48, SONNET_46, GPT_5);
        Catalog catalog = SeedCatalog.withTaskClasses(List.of(threeSteps));
        Availability onlyGpt = ALL_UP.withModel(OPUS_48, false).withModel(SONNET_46, false);
        Availability sonnetBack = ALL_UP.withModel(OPUS_48, false);

        Optional<ConsentRecord> approvedGpt = answer(GPT_5, APPROVE);
        assertEquals(FALLBACK, planner.plan(threeSteps, catalog, onlyGpt, NO_OVERRIDE, approvedGpt).state());
        Route better = planner.plan(threeSteps, catalog, sonnetBack, NO_OVERRIDE, approvedGpt);
        assertEquals(Optional.of(SONNET_46), better.serving(), "approving gpt-5 also allows the better sonnet");

        Optional<ConsentRecord> approvedSonnet = answer(SONNET_46, APPROVE);
        Route worse = planner.plan(threeSteps, catalog, onlyGpt, NO_OVERRIDE, approvedSonnet);
        assertEquals(AWAITING_CONSENT, worse.state(), "approving sonnet says nothing about the worse gpt-5");
        assertEquals(Optional.of(GPT_5), worse.offered());

        Optional<ConsentRecord> deniedSonnet = answer(SONNET_46, DENY);
        assertEquals(STOPPED, planner.plan(threeSteps, catalog, onlyGpt, NO_OVERRIDE, deniedSonnet).state(),
                "denying sonnet also denies the worse gpt-5");
        Optional<ConsentRecord> deniedGpt = answer(GPT_5, DENY);
        assertEquals(AWAITING_CONSENT, planner.plan(threeSteps, catalog, sonnetBack, NO_OVERRIDE, deniedGpt).state(),
                "denying gpt-5 says nothing about the better sonnet");
    }

    @Test
    void anAnswerAboutAnotherTaskClassOrAModelOffTheRouteIsIgnored() {
        TaskClass taskClass = SeedCatalog.taskClass(TASK, "Task", CONSENT, OPUS_48, GPT_5);
        Catalog catalog = SeedCatalog.withTaskClasses(List.of(taskClass));

        Route otherClass = planner.plan(taskClass, catalog, PRIMARY_DOWN, NO_OVERRIDE,
                Optional.of(new ConsentRecord(LEGAL_REVIEW, GPT_5, APPROVE)));
        Route offRoute = planner.plan(taskClass, catalog, PRIMARY_DOWN, NO_OVERRIDE,
                Optional.of(new ConsentRecord(TASK, SONNET_46, APPROVE)));

        assertEquals(AWAITING_CONSENT, otherClass.state());
        assertEquals(AWAITING_CONSENT, offRoute.state());
    }

    @Test
    void aRouteKeepsItsInvariants() {
        assertThrows(IllegalArgumentException.class, () -> new Route(TASK, PRIMARY, Optional.empty(),
                Optional.empty(), PRIMARY_AVAILABLE));
        assertThrows(IllegalArgumentException.class, () -> new Route(TASK, STOPPED, Optional.of(GPT_5),
                Optional.empty(), STOP_POLICY));
        assertThrows(IllegalArgumentException.class, () -> new Route(TASK, AWAITING_CONSENT, Optional.empty(),
                Optional.empty(), CONSENT_PENDING));
        assertThrows(IllegalArgumentException.class, () -> new Route(TASK, FALLBACK, Optional.of(GPT_5),
                Optional.of(GPT_5), AUTO_FAILOVER));
    }

    @Test
    void availabilityIsImmutableAndUsabilityNeedsModelAndProvider() {
        Catalog catalog = SeedCatalog.catalog();
        Availability providerDown = ALL_UP.withProvider(ANTHROPIC, false);

        assertTrue(ALL_UP.isUsable(OPUS_48, catalog), "withProvider returned a copy");
        assertTrue(providerDown.isAvailable(OPUS_48));
        assertFalse(providerDown.isUsable(OPUS_48, catalog));
        assertFalse(ALL_UP.withModel(OPUS_48, false).isUsable(OPUS_48, catalog));
        assertTrue(providerDown.withProvider(ANTHROPIC, true).isUsable(OPUS_48, catalog));
    }

    private static Arguments row(FailoverMode mode, String situation, Availability availability,
                                 Optional<RouteOverride> override, Optional<ConsentRecord> consent, RouteState state,
                                 ModelId serving, ModelId offered, RouteCause cause) {
        return Arguments.of(mode, situation, availability, override, consent, state, serving, offered, cause);
    }

    private static Optional<ConsentRecord> answer(ModelId offered, ConsentAnswer answer) {
        return Optional.of(new ConsentRecord(TASK, offered, answer));
    }
}
