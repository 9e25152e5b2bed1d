package dev.detour.incidents.persistence;

import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.ports.RampStore;
import dev.detour.incidents.recovery.Ramp;
import dev.detour.incidents.recovery.RampState;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Ramps in {@code ramp}, one row per target. */
@Singleton
public class RampTable implements RampStore {
    private final RampRepository rows;
    private final Clock clock;
    private final RampJson json = new RampJson();

    public RampTable(RampRepository rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
    }

    @Override
    public Optional<Ramp> find(Target target) {
        return rows.findById(TargetKeys.key(target)).map(this::ramp);
    }

    @Override
    public List<Ramp> active() {
        return rows.findActive().stream().map(this::ramp).sorted((a, b) -> a.target().compareTo(b.target())).toList();
    }

    @Override
    public void save(Ramp ramp) {
        RampRow row = new RampRow(TargetKeys.key(ramp.target()), json.steps(ramp.steps()), ramp.hold().toMillis(),
                ramp.minRequests(), ramp.state().word(), ramp.step(), ramp.startedAt(), ramp.stepSince(),
                ramp.holdSince(), json.evidence(ramp.evidence()), ramp.rollbacks(), clock.instant(),
                json.sources(ramp.knownFiring()), ramp.lastHold().map(json::evidence).orElse(null));
        if (rows.existsById(row.targetKey())) {
            rows.update(row);
        } else {
            rows.save(row);
        }
    }

    @Override
    public void saveEvidence(Ramp ramp) {
        rows.updateEvidence(TargetKeys.key(ramp.target()), json.evidence(ramp.evidence()), clock.instant(),
                ramp.state().word(), ramp.step(), ramp.holdSince());
    }

    private Ramp ramp(RampRow row) {
        return new Ramp(TargetKeys.target(row.targetKey()), json.steps(row.steps()), Duration.ofMillis(row.holdMs()),
                row.minRequests(), RampState.fromWord(row.state()).orElseThrow(), row.step(), row.startedAt(),
                row.stepSince(), row.holdSince(), json.evidence(row.evidence()), row.rollbacks(),
                json.sources(row.knownFiring()), Optional.ofNullable(row.lastHold()).map(json::evidence));
    }
}
