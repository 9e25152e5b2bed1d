package dev.detour.incidents.audit;

import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.catalog.TaskClassId;
import dev.detour.incidents.incident.IncidentId;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What an audit record is about. Its one text form, {@link #text()}, is how it is stored, filtered and shown:
 * {@code model:claude-opus-4-8}, {@code task-class:legal-review}, {@code incident:INC-3}; {@link #of(String)}
 * reads that form back from a stored row.
 */
public sealed interface AuditSubject {

    String text();

    static AuditSubject target(Target target) {
        return new OfTargets(List.of(target));
    }

    static AuditSubject targets(List<Target> targets) {
        return new OfTargets(targets);
    }

    static AuditSubject taskClass(TaskClassId id) {
        return new OfTaskClass(id);
    }

    static AuditSubject incident(IncidentId id) {
        return new OfIncident(id);
    }

    /** A flag sink an outbox row went to. */
    static AuditSubject sink(String id) {
        return new OfDestination(OfDestination.SINK, id);
    }

    /** A Slack channel, or a message in it ({@code C0INCIDENTS/1718000000.000100}), an outbox row went to. */
    static AuditSubject slack(String place) {
        return new OfDestination(OfDestination.SLACK, place);
    }

    /** An email subscriber an outbox row went to, by number: never the address, which is personal data. */
    static AuditSubject email(long subscriber) {
        return new OfDestination(OfDestination.EMAIL, "subscriber-" + subscriber);
    }

    /** The subject a stored {@link #text()} stands for; a text this release does not know stays as it is. */
    static AuditSubject of(String stored) {
        int colon = stored.indexOf(':');
        String kind = colon < 0 ? "" : stored.substring(0, colon);
        String rest = stored.substring(colon + 1);
        try {
            return switch (kind) {
                case OfTaskClass.KIND -> new OfTaskClass(TaskClassId.of(rest));
                case OfIncident.KIND -> new OfIncident(IncidentId.parse(rest).orElseThrow(IllegalArgumentException::new));
                case OfDestination.SINK, OfDestination.SLACK, OfDestination.EMAIL -> new OfDestination(kind, rest);
                default -> OfTargets.of(stored);
            };
        } catch (RuntimeException notOurs) {
            return new Unknown(stored);
        }
    }

    /** One provider or model, or several (a signal about more than one): {@code model:a,model:b}. */
    record OfTargets(List<Target> targets) implements AuditSubject {
        private static final String BETWEEN = ",";

        public OfTargets {
            targets = List.copyOf(targets);
            if (targets.isEmpty()) {
                throw new IllegalArgumentException("an audit subject names at least one provider or model");
            }
        }

        @Override
        public String text() {
            return targets.stream().map(target -> target.kind() + ":" + target.id())
                    .collect(Collectors.joining(BETWEEN));
        }

        private static OfTargets of(String stored) {
            List<Target> targets = new ArrayList<>();
            for (String one : stored.split(BETWEEN, -1)) {
                int colon = one.indexOf(':');
                if (colon < 0) {
                    throw new IllegalArgumentException("not a target: " + one);
                }
                targets.add(Target.of(one.substring(0, colon), one.substring(colon + 1)));
            }
            return new OfTargets(targets);
        }
    }

    record OfTaskClass(TaskClassId id) implements AuditSubject {
        static final String KIND = "task-class";

        public OfTaskClass {
            Objects.requireNonNull(id, "id");
        }

        @Override
        public String text() {
            return KIND + ":" + id.value();
        }
    }

    record OfIncident(IncidentId id) implements AuditSubject {
        static final String KIND = "incident";

        public OfIncident {
            Objects.requireNonNull(id, "id");
        }

        @Override
        public String text() {
            return KIND + ":" + id;
        }
    }

    /** Where an outbox delivery went: a flag sink or a Slack place. */
    record OfDestination(String kind, String place) implements AuditSubject {
        static final String SINK = "sink";
        static final String SLACK = "slack";
        static final String EMAIL = "email";

        public OfDestination {
            if (!SINK.equals(kind) && !SLACK.equals(kind) && !EMAIL.equals(kind)) {
                throw new IllegalArgumentException("not a delivery destination: " + kind);
            }
            Objects.requireNonNull(place, "place");
        }

        @Override
        public String text() {
            return kind + ":" + place;
        }
    }

    /** A stored subject this release does not know (a row written by hand, or by a later release). */
    record Unknown(String text) implements AuditSubject {
        public Unknown {
            Objects.requireNonNull(text, "text");
        }
    }
}
