package dev.detour.incidents.application;

import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.TaskClassId;
import dev.detour.incidents.routing.Route;
import dev.detour.incidents.routing.RouteCause;
import dev.detour.incidents.routing.RouteState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A route.changed record's before and after: written once, read back as the route it was, for every state. */
class RouteAuditValueTest {
    private static final TaskClassId CLASS = TaskClassId.of("code-migration");
    private static final ModelId OPUS = ModelId.of("claude-opus-4-8");
    private static final ModelId GPT_5 = ModelId.of("gpt-5");

    private static final Route PRIMARY = route(RouteState.PRIMARY, Optional.of(OPUS), Optional.empty(),
            RouteCause.PRIMARY_AVAILABLE);
    private static final Route FALLBACK = route(RouteState.FALLBACK, Optional.of(GPT_5), Optional.empty(),
            RouteCause.AUTO_FAILOVER);
    private static final Route AWAITING = route(RouteState.AWAITING_CONSENT, Optional.empty(), Optional.of(GPT_5),
            RouteCause.CONSENT_PENDING);
    private static final Route STOPPED = route(RouteState.STOPPED, Optional.empty(), Optional.empty(),
            RouteCause.STOP_POLICY);
    private static final Route DENIED = route(RouteState.STOPPED, Optional.empty(), Optional.of(GPT_5),
            RouteCause.CONSENT_DENIED);

    @Test
    void everyStateReadsBackAsTheRouteThatWasWritten() {
        for (Route route : List.of(PRIMARY, FALLBACK, AWAITING, STOPPED, DENIED)) {
            RouteAuditValue read = RouteAuditValue.read(RouteAuditValue.write(route)).orElseThrow();

            assertEquals(route.state(), read.state(), route.toString());
            assertEquals(route.serving(), read.serving(), route.toString());
            assertEquals(route.offered(), read.offered(), route.toString());
        }
    }

    @Test
    void theTextIsTheOneEveryReleaseWroteSoStoredRecordsStillRead() {
        assertEquals("primary claude-opus-4-8", RouteAuditValue.write(PRIMARY));
        assertEquals("fallback gpt-5", RouteAuditValue.write(FALLBACK));
        assertEquals("awaiting-consent (gpt-5)", RouteAuditValue.write(AWAITING));
        assertEquals("stopped", RouteAuditValue.write(STOPPED));
        assertEquals("stopped (gpt-5)", RouteAuditValue.write(DENIED));
    }

    @Test
    void aModelNamedLikeAStateIsReadAsTheModel() {
        Route onAModelCalledPrimary = route(RouteState.FALLBACK, Optional.of(ModelId.of("primary")),
                Optional.empty(), RouteCause.AUTO_FAILOVER);

        assertEquals(new RouteAuditValue(RouteState.FALLBACK, Optional.of(ModelId.of("primary")), Optional.empty()),
                RouteAuditValue.read(RouteAuditValue.write(onAModelCalledPrimary)).orElseThrow());
    }

    @Test
    void aServingRoutesOfferedModelIsNotKept() {
        Route servedAfterADenial = route(RouteState.FALLBACK, Optional.of(ModelId.of("claude-opus-4-7")),
                Optional.of(GPT_5), RouteCause.CONSENT_DENIED);

        assertEquals("fallback claude-opus-4-7", RouteAuditValue.write(servedAfterADenial));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "moved gpt-5", "fallback", "primary ", "stopped gpt-5", "awaiting-consent ()",
            "fallback GPT 5", "Fallback gpt-5", "stopped (gpt-5"})
    void textThatNoReleaseWroteReadsAsNothing(String text) {
        assertEquals(Optional.empty(), RouteAuditValue.read(text));
    }

    private static Route route(RouteState state, Optional<ModelId> serving, Optional<ModelId> offered,
                               RouteCause cause) {
        return new Route(CLASS, state, serving, offered, cause);
    }
}
