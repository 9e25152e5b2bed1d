package dev.detour.incidents.outage;

import dev.detour.incidents.application.GatewaySignals;
import dev.detour.incidents.application.IncidentService;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.IncidentChange;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.incident.IncidentKind;
import dev.detour.incidents.testing.Await;
import dev.detour.incidents.testing.LocalPostgres;
import dev.detour.incidents.testing.SeedConfigFactory;
import dev.detour.incidents.testing.WithLocalPostgres;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static dev.detour.incidents.SeedCatalog.GPT_5;
import static dev.detour.incidents.SeedCatalog.OPUS_48;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The database goes away under a running Detour (stopped by an operator, or crashed) and comes back: on a
 * PostgreSQL server of the test's own, so that the test may stop it. The seed's detection settings: 60 s window,
 * at least 20 requests, suspect from 25 % errors.
 */
@WithLocalPostgres
class DatabaseOutageIT {
    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Actor ALICE = Actor.user("U0ALICE");

    @Test
    void aGatewayThresholdCrossedWhileTheDatabaseIsDownOpensItsIncidentOnceItReturns() throws Exception {
        try (LocalPostgres postgres = LocalPostgres.start(); ApplicationContext detour = detour(postgres)) {
            GatewaySignals gateway = detour.getBean(GatewaySignals.class);
            IncidentService incidents = detour.getBean(IncidentService.class);
            postgres.stop();
            // Some time into the outage: the pool has found its connections broken and waits for new ones.
            assertThrows(RuntimeException.class, incidents::openIncidents);

            // The gateway keeps sending for three times as long as the pool waits for a connection, so the
            // transition meets the outage more than once before the database returns.
            long outageEnds = System.nanoTime() + CONNECTION_TIMEOUT.multipliedBy(3).toNanos();
            while (System.nanoTime() < outageEnds) {
                long started = System.nanoTime();
                gateway.ingest(failing(OPUS_48, 20));
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                assertTrue(took.compareTo(CONNECTION_TIMEOUT) < 0, "the batch is counted without waiting for the"
                        + " database (" + took.toMillis() + " ms; the pool waits " + CONNECTION_TIMEOUT + ")");
                Thread.sleep(250); // the gateway's batch interval
            }

            postgres.startServer();
            await(() -> incidents.openIncidentAbout(List.of(Target.model(OPUS_48))).isPresent(),
                    "the transition is recorded once the database is back");
        }
    }

    @Test
    void afterAPostgresCrashTheNextIncidentTakesTheNextNumber() throws Exception {
        try (LocalPostgres postgres = LocalPostgres.start(); ApplicationContext detour = detour(postgres)) {
            IncidentService incidents = detour.getBean(IncidentService.class);
            IncidentId first = opened(incidents.open(IncidentKind.OUTAGE, "first", List.of(Target.model(OPUS_48)),
                    ALICE));
            incidents.resolve(first, ALICE, "fine again");

            postgres.crash();
            postgres.startServer();

            IncidentId second = opened(awaitOpen(incidents, Target.model(GPT_5)));
            assertEquals(first.number() + 1, second.number(), "no number skipped: " + first + " then " + second);
        }
    }

    private static ApplicationContext detour(LocalPostgres postgres) {
        Map<String, String> properties = SeedConfigFactory.properties(postgres.datasource());
        properties.put("datasources.default.connection-timeout", String.valueOf(CONNECTION_TIMEOUT.toMillis()));
        properties.put("detour.signals.gateway-record-wait", "200ms");
        return ApplicationContext.run(new java.util.HashMap<>(properties));
    }

    private static List<GatewaySignals.Outcome> failing(dev.detour.incidents.catalog.ModelId model, int count) {
        List<GatewaySignals.Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            outcomes.add(new GatewaySignals.Outcome(model, false, 529, 900));
        }
        return outcomes;
    }

    private static IncidentId opened(IncidentChange change) {
        return assertInstanceOf(IncidentChange.Applied.class, change, change::toString).incident().id();
    }

    /** The first opening after a restart may meet a pooled connection the crash broke: it is tried again. */
    private static IncidentChange awaitOpen(IncidentService incidents, Target target) {
        Object opened = Await.await(() -> {
            try {
                return incidents.open(IncidentKind.OUTAGE, "second", List.of(target), ALICE);
            } catch (RuntimeException brokenConnection) {
                return brokenConnection;
            }
        }, result -> result instanceof IncidentChange, WAIT, "an incident to open once the database is back");
        return (IncidentChange) opened;
    }

    private static void await(BooleanSupplier condition, String what) {
        Await.await(() -> {
            try {
                return condition.getAsBoolean();
            } catch (RuntimeException databaseNotBackYet) {
                return false; // asked again
            }
        }, WAIT, what);
    }
}
