package dev.detour.incidents.persistence;

import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.ProviderId;
import dev.detour.incidents.catalog.RecoveryMode;
import dev.detour.incidents.catalog.RecoveryPolicy;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.ports.RampStore;
import dev.detour.incidents.recovery.Ramp;
import dev.detour.incidents.recovery.RampChange;
import dev.detour.incidents.recovery.RampMove;
import dev.detour.incidents.recovery.RampSample;
import dev.detour.incidents.recovery.RampState;
import dev.detour.incidents.recovery.RampThresholds;
import dev.detour.incidents.testing.MovableClock;
import dev.detour.incidents.testing.SeedConfigFactory;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ramps survive a restart and move to the other replica with the ramp job (docs/recovery.md), on each database. */
abstract class RampStoreContract implements TestPropertyProvider {
    private static final RecoveryPolicy STAGED = new RecoveryPolicy(RecoveryMode.STAGED, List.of(10, 50, 100),
            Duration.ofMinutes(5), 20);
    private static final RampThresholds LIMITS = new RampThresholds(0.25, 0.05, 20);
    private static final Duration WINDOW = Duration.ofSeconds(60);

    @Inject RampStore ramps;
    @Inject MovableClock clock;
    @Inject TransactionOperations<Connection> transactions;
    @Inject DataSource dataSource;
    @Property(name = "datasources.default.url") String url;

    protected abstract Map<String, Object> database();

    /** Whether two replicas can share this database: PostgreSQL, not the embedded H2. */
    protected abstract boolean replicated();

    @Override
    public Map<String, String> getProperties() {
        return SeedConfigFactory.properties(database());
    }

    private <T> T inTransaction(Supplier<T> work) {
        return transactions.executeWrite(status -> work.get());
    }

    @Test
    void aRampIsReadBackAsItWasSavedWithItsEvidence() {
        Target target = Target.model(ModelId.of("claude-opus-4-7"));
        Ramp started = Ramp.start(target, STAGED, clock.instant(), List.of("statuspage:anthropic", "alertmanager"))
                .ramp();
        Ramp paused = ((RampChange.Moved) started.pause(clock.instant())).ramp();
        Ramp withEvidence = ((RampChange.Unchanged) paused.tick(clock.instant().plusSeconds(1),
                new RampSample(120, 3, false, 900, List.of(), WINDOW), LIMITS)).ramp();
        assertEquals(120, withEvidence.evidence().peakRequests());
        inTransaction(() -> {
            ramps.save(withEvidence);
            return null;
        });

        assertEquals(Optional.of(withEvidence), ramps.find(target));
        assertEquals(List.of(withEvidence), ramps.active().stream().filter(r -> r.target().equals(target)).toList());
        assertEquals(RampState.PAUSED, ramps.find(target).orElseThrow().state());
        assertEquals(java.util.Set.of("alertmanager", "statuspage:anthropic"),
                ramps.find(target).orElseThrow().knownFiring(), "the sources it knows to fire, after a restart");
        assertEquals(Optional.empty(), ramps.find(Target.provider(ProviderId.of("openai"))));
    }

    @Test
    void theEvidenceOfTheLastHoldIsReadBackWithTheRamp() {
        Target target = Target.model(ModelId.of("claude-opus-4-8"));
        Ramp started = Ramp.start(target, STAGED, clock.instant()).ramp();
        Ramp advanced = ((RampChange.Moved) started.tick(clock.instant().plus(STAGED.hold()),
                new RampSample(240, 1, false, 1_100, List.of(), WINDOW), LIMITS)).ramp();
        assertEquals(240, advanced.lastHold().orElseThrow().peakRequests());
        inTransaction(() -> {
            ramps.save(started);
            ramps.save(advanced);
            return null;
        });

        assertEquals(Optional.of(advanced), ramps.find(target));
        assertEquals(advanced.lastHold(), ramps.active().stream().filter(r -> r.target().equals(target))
                .findFirst().orElseThrow().lastHold());
    }

    @Test
    void anEndedRampIsNoLongerActiveAndANewOneReplacesIt() {
        Target target = Target.model(ModelId.of("gpt-5"));
        Ramp first = Ramp.start(target, STAGED, clock.instant()).ramp();
        Ramp aborted = ((RampChange.Moved) first.abort(clock.instant())).ramp();
        inTransaction(() -> {
            ramps.save(first);
            ramps.save(aborted);
            return null;
        });

        assertTrue(ramps.active().stream().noneMatch(ramp -> ramp.target().equals(target)));
        assertEquals(RampState.ABORTED, ramps.find(target).orElseThrow().state());

        Ramp second = Ramp.start(target, STAGED, clock.advance(Duration.ofMinutes(1))).ramp();
        inTransaction(() -> {
            ramps.save(second);
            return null;
        });
        assertEquals(Optional.of(second), ramps.find(target));
    }

    @Test
    void theOtherReplicaTakesTheRampJobAndCarriesTheRampOnWhereItStood() {
        Target target = Target.provider(ProviderId.of("anthropic"));
        Instant start = clock.instant();
        inTransaction(() -> {
            ramps.save(Ramp.start(target, STAGED, start).ramp());
            return null;
        });
        SingleWriterLocks first = new SingleWriterLocks(dataSource, url);
        SingleWriterLocks second = new SingleWriterLocks(dataSource, url);
        try {
            assertTrue(first.holds("ramps"), "the first replica runs the ramp job");
            assertEquals(!replicated(), second.holds("ramps"), "the second waits while the first runs it");

            first.release(); // the first replica dies mid-step

            assertTrue(second.holds("ramps"), "the second replica takes the job at its next try");
            Instant due = start.plus(STAGED.hold());
            RampChange change = inTransaction(() -> {
                Ramp ramp = ramps.find(target).orElseThrow();
                RampChange tick = ramp.tick(due, RampSample.quiet(WINDOW), LIMITS);
                ramps.save(((RampChange.Moved) tick).ramp());
                return tick;
            });
            RampMove.Advanced advanced = assertInstanceOf(RampMove.Advanced.class,
                    ((RampChange.Moved) change).move());
            assertEquals(50, advanced.toPercent());
            assertEquals(50, ramps.find(target).orElseThrow().percent());
            assertFalse(ramps.find(target).orElseThrow().nextStepAt().isEmpty());
        } finally {
            first.release();
            second.release();
        }
    }
}
