package dev.detour.incidents.routing;

import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.ConsentAnswer;
import dev.detour.incidents.catalog.TaskClass;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A route taken because nobody answered the fallback question in time says so in its cause. */
class ConsentTimeoutCauseTest {
    private static final Catalog CATALOG = SeedCatalog.catalog();
    private static final TaskClass CODE_MIGRATION = CATALOG.taskClass(SeedCatalog.CODE_MIGRATION).orElseThrow();
    private static final Availability PRIMARY_DOWN = Availability.allAvailable().withModel(SeedCatalog.OPUS_47, false);

    private final RoutePlanner planner = new RoutePlanner();

    @Test
    void anApprovalTakenOnTimeoutFallsBackWithTheTimeoutAsItsCause() {
        Route route = plan(new ConsentRecord(SeedCatalog.CODE_MIGRATION, SeedCatalog.GPT_5, ConsentAnswer.APPROVE,
                true));

        assertEquals(RouteState.FALLBACK, route.state());
        assertEquals(RouteCause.CONSENT_TIMEOUT_APPROVED, route.cause());
        assertTrue(route.cause().consentTimedOut());
    }

    @Test
    void aDenialTakenOnTimeoutStopsWithTheTimeoutAsItsCauseAndKeepsTheOfferedModel() {
        Route route = plan(new ConsentRecord(SeedCatalog.CODE_MIGRATION, SeedCatalog.GPT_5, ConsentAnswer.DENY,
                true));

        assertEquals(RouteState.STOPPED, route.state());
        assertEquals(RouteCause.CONSENT_TIMEOUT_DENIED, route.cause());
        assertEquals(Optional.of(SeedCatalog.GPT_5), route.offered());
    }

    @Test
    void anAnswerSomeoneGaveIsNotATimeout() {
        Route approved = plan(new ConsentRecord(SeedCatalog.CODE_MIGRATION, SeedCatalog.GPT_5, ConsentAnswer.APPROVE));
        Route denied = plan(new ConsentRecord(SeedCatalog.CODE_MIGRATION, SeedCatalog.GPT_5, ConsentAnswer.DENY));

        assertEquals(RouteCause.CONSENT_APPROVED, approved.cause());
        assertEquals(RouteCause.CONSENT_DENIED, denied.cause());
        assertFalse(approved.cause().consentTimedOut() || denied.cause().consentTimedOut());
    }

    private Route plan(ConsentRecord consent) {
        return planner.plan(CODE_MIGRATION, CATALOG, PRIMARY_DOWN, Optional.empty(), Optional.of(consent));
    }
}
