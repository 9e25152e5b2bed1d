package dev.detour.incidents.incident;

import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.ProviderId;
import dev.detour.incidents.catalog.TaskClassId;
import dev.detour.incidents.routing.RouteOverride;
import dev.detour.incidents.routing.RouteState;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a change was refused, as data: the domain says what stood in the way and {@code messages} (RefusalText)
 * says it in words, in the configured language.
 */
public sealed interface Refusal {

    /** Free text a person typed that is longer than the database and Slack take. */
    record TooLong(Text what, int length, int limit) implements Refusal {
        public TooLong {
            Objects.requireNonNull(what, "what");
        }
    }

    /** What a person typed, as {@link TooLong} names it. */
    enum Text {
        TITLE, SUMMARY, UPDATE, REASON
    }

    /** Opening an incident about nothing. */
    record NoTargets() implements Refusal {
    }

    record AlreadyInState(IncidentId incident, IncidentState state) implements Refusal {
    }

    /** A resolved incident stays resolved: a returning problem is a new incident. */
    record ResolvedCannotMove(IncidentId incident, IncidentState next) implements Refusal {
    }

    record ResolvedNothingToAcknowledge(IncidentId incident) implements Refusal {
    }

    record AlreadyAcknowledged(IncidentId incident, Actor by) implements Refusal {
    }

    /** Widening a resolved incident. */
    record ResolvedOpenANewOne(IncidentId incident) implements Refusal {
    }

    record AlreadyCovers(IncidentId incident, List<Target> targets) implements Refusal {
        public AlreadyCovers {
            targets = List.copyOf(targets);
        }
    }

    record UpdateNeedsText() implements Refusal {
    }

    /** Setting an empty title. */
    record TitleNeedsText() implements Refusal {
    }

    /** Setting the title the incident already has. */
    record AlreadyTitled(IncidentId incident) implements Refusal {
    }

    /** Setting the kind on-call already set. */
    record AlreadyOfKind(IncidentId incident, IncidentKind kind) implements Refusal {
    }

    /** Reopening an incident that never closed. */
    record StillOpen(IncidentId incident, IncidentState state) implements Refusal {
    }

    /** One open incident per provider: another one would split its timeline. */
    record ProviderAlreadyInIncident(IncidentId incident, ProviderId provider) implements Refusal {
    }

    record NoSuchIncident(IncidentId incident) implements Refusal {
    }

    /** Switching nothing off or on. */
    record NothingNamed() implements Refusal {
    }

    record UnknownTargets(List<Target> targets) implements Refusal {
        public UnknownTargets {
            targets = List.copyOf(targets);
        }
    }

    record UnknownTaskClass(TaskClassId taskClass) implements Refusal {
    }

    record UnknownModel(ModelId model) implements Refusal {
    }

    /** Setting the override a task class already has. */
    record AlreadyOverridden(TaskClassId taskClass, Optional<RouteOverride> override) implements Refusal {
    }

    /** Answering a fallback question nobody asked; {@code state} is where the task class is routed now, if at all. */
    record NoOpenQuestion(TaskClassId taskClass, Optional<RouteState> state) implements Refusal {
    }
}
