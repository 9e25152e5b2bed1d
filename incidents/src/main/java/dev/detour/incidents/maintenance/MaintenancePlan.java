package dev.detour.incidents.maintenance;

import dev.detour.incidents.catalog.Target;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A window someone asks for by hand ({@code /detour maintenance}), checked before anything is recorded: a refusal
 * is a value naming the problem (docs/maintenance.md, "Bad input").
 */
public record MaintenancePlan(List<Target> targets, Instant startsAt, Instant endsAt, Optional<String> reason) {
    public MaintenancePlan {
        targets = List.copyOf(targets);
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
        reason = reason == null ? Optional.empty() : reason;
    }

    /** Why a plan is refused. */
    public sealed interface Problem {
        record NoTargets() implements Problem {
        }

        record EndsBeforeItStarts(Instant startsAt, Instant endsAt) implements Problem {
        }

        record LongerThanAllowed(Duration asked, Duration longest) implements Problem {
        }

        /** It is over already (it ends at or before now). */
        record InThePast(Instant endsAt, Instant now) implements Problem {
        }
    }

    /** @return the first problem with the plan at {@code now}; empty when it may be recorded */
    public Optional<Problem> problem(Instant now) {
        if (targets.isEmpty()) {
            return Optional.of(new Problem.NoTargets());
        }
        if (!endsAt.isAfter(startsAt)) {
            return Optional.of(new Problem.EndsBeforeItStarts(startsAt, endsAt));
        }
        Duration length = Duration.between(startsAt, endsAt);
        if (length.compareTo(MaintenanceWindow.LONGEST) > 0) {
            return Optional.of(new Problem.LongerThanAllowed(length, MaintenanceWindow.LONGEST));
        }
        if (!endsAt.isAfter(now)) {
            return Optional.of(new Problem.InThePast(endsAt, now));
        }
        return Optional.empty();
    }
}
