package dev.detour.commands;

import dev.detour.incidents.audit.AuditQuery;
import dev.detour.incidents.catalog.ConsentAnswer;
import dev.detour.incidents.catalog.TaskClassId;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.incident.IncidentState;
import dev.detour.incidents.incident.Target;
import dev.detour.incidents.routing.RouteOverride;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What a {@code /detour} command asks for, already checked against the catalog. */
public sealed interface DetourCommand {

    /** The verb, or empty for text that is no command at all. */
    Optional<Verb> verb();

    default boolean changesProduction() {
        return verb().map(Verb::changesProduction).orElse(false);
    }

    private static <T> List<T> atLeastOne(List<T> targets, String verb) {
        if (targets.isEmpty()) {
            throw new IllegalArgumentException(verb + " needs a target");
        }
        return List.copyOf(targets);
    }

    record Help() implements DetourCommand {
        public Optional<Verb> verb() {
            return Optional.of(Verb.HELP);
        }
    }

    record Status() implements DetourCommand {
        public Optional<Verb> verb() {
            return Optional.of(Verb.STATUS);
        }
    }

    /** No targets: open the declare form instead. */
    record Declare(List<Target> targets, Optional<String> reason) implements DetourCommand {
        public Declare {
            targets = List.copyOf(targets);
        }

        public Optional<Verb> verb() {
            return Optional.of(Verb.DECLARE);
        }
    }

    record Disable(List<Target> targets, Optional<String> reason) implements DetourCommand {
        public Disable {
            targets = atLeastOne(targets, "disable");
        }

        public Optional<Verb> verb() {
            return Optional.of(Verb.DISABLE);
        }
    }

    record Enable(List<Target> targets, Optional<String> reason) implements DetourCommand {
        public Enable {
            targets = atLeastOne(targets, "enable");
        }

        public Optional<Verb> verb() {
            return Optional.of(Verb.ENABLE);
        }
    }

    /** @param override empty releases the override ({@code auto}) */
    record Route(TaskClassId taskClass, Optional<RouteOverride> override) implements DetourCommand {
        public Optional<Verb> verb() {
            return Optional.of(Verb.ROUTE);
        }
    }

    record Consent(TaskClassId taskClass, ConsentAnswer answer) implements DetourCommand {
        public Optional<Verb> verb() {
            return Optional.of(Verb.CONSENT);
        }
    }

    record Update(IncidentId incident, String text) implements DetourCommand {
        public Update {
            Objects.requireNonNull(incident, "incident");
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("an update needs text");
            }
        }

        public Optional<Verb> verb() {
            return Optional.of(Verb.UPDATE);
        }
    }

    record ChangeState(IncidentId incident, IncidentState state) implements DetourCommand {
        public Optional<Verb> verb() {
            return Optional.of(Verb.STATE);
        }
    }

    record Resolve(IncidentId incident, Optional<String> summary) implements DetourCommand {
        public Optional<Verb> verb() {
            return Optional.of(Verb.RESOLVE);
        }
    }

    /** A resolved incident flares up again: a new incident, linked to it, about the same targets. */
    record Reopen(IncidentId incident, Optional<String> reason) implements DetourCommand {
        public Optional<Verb> verb() {
            return Optional.of(Verb.REOPEN);
        }
    }

    record Summary(IncidentId incident) implements DetourCommand {
        public Optional<Verb> verb() {
            return Optional.of(Verb.SUMMARY);
        }
    }

    /** @param query the incident or subject to read; {@code since} relative to now */
    record Audit(AuditQuery query, Optional<Duration> since) implements DetourCommand {
        public Optional<Verb> verb() {
            return Optional.of(Verb.AUDIT);
        }
    }

    /**
     * Text that is not a valid command.
     *
     * @param problem what was wrong, in a sentence
     * @param usage   the right usage: the verb's line, or every line when the verb itself was unknown
     * @param verb    the verb, when it was recognised
     */
    record Invalid(String problem, String usage, Optional<Verb> verb) implements DetourCommand {
        public Invalid {
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(usage, "usage");
        }
    }
}
