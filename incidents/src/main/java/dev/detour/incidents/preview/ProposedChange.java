package dev.detour.incidents.preview;

import dev.detour.incidents.catalog.ConsentAnswer;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.catalog.TaskClassId;
import dev.detour.incidents.routing.RouteOverride;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A change someone proposes, before it is made: what {@code /detour disable|enable|route} and a consent answer
 * would do. {@link ChangePreview} computes its effect; the use cases apply it.
 */
public sealed interface ProposedChange
        permits ProposedChange.Disable, ProposedChange.Enable, ProposedChange.Reroute, ProposedChange.Answer {

    /** Switch providers or models off. */
    record Disable(List<Target> targets) implements ProposedChange {
        public Disable {
            targets = List.copyOf(targets);
        }
    }

    /** Switch providers or models on again. */
    record Enable(List<Target> targets) implements ProposedChange {
        public Enable {
            targets = List.copyOf(targets);
        }
    }

    /**
     * Set a task class's override, or release it ({@code override} empty: the failover policy decides again,
     * {@code /detour route <class> auto}).
     */
    record Reroute(TaskClassId taskClass, Optional<RouteOverride> override) implements ProposedChange {
        public Reroute {
            Objects.requireNonNull(taskClass, "taskClass");
            Objects.requireNonNull(override, "override");
        }
    }

    /** Answer the open fallback question of a task class. */
    record Answer(TaskClassId taskClass, ConsentAnswer answer) implements ProposedChange {
        public Answer {
            Objects.requireNonNull(taskClass, "taskClass");
            Objects.requireNonNull(answer, "answer");
        }
    }
}
