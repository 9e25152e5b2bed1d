package dev.detour.incidents.incident;

import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.catalog.TaskClassId;

import java.util.Objects;
import java.util.Optional;

/**
 * A question Detour asks in an incident's thread, with buttons that answer it: whether a task class may move to
 * its fallback ({@link Kind#CONSENT}), whether a provider or model should be switched off or back on, whether the
 * incident should move to Monitoring or be resolved, whether a ramp that rolled back should be retried
 * ({@link Kind#ROLLBACK}). A question
 * is one message (or one button of a message) that is edited once it is settled.
 *
 * @param taskClass present exactly for {@link Kind#CONSENT}
 * @param target    present exactly for {@link Kind#SWITCH_OFF}, {@link Kind#SWITCH_ON} and {@link Kind#ROLLBACK};
 *                  {@link Kind#MONITOR},
 *                  {@link Kind#RESOLVE} and {@link Kind#POST_UPDATE} are about the incident itself
 */
public record Question(IncidentId incident, Kind kind, Optional<TaskClassId> taskClass, Optional<Target> target) {
    public enum Kind {
        /** May the task class move to the model it is offered? Approve / Deny. */
        CONSENT,
        /** A signal says the target fails: switch it off? */
        SWITCH_OFF,
        /** The signals about a switched-off target cleared: switch it back on? */
        SWITCH_ON,
        /** Every feature is back on its usual model: move the incident to Monitoring? */
        MONITOR,
        /** The incident has been in Monitoring for a while: resolve it? */
        RESOLVE,
        /** Users are affected and support has heard nothing for a while: post an update? */
        POST_UPDATE,
        /**
         * The target's ramp rolled back to 0% (docs/recovery.md): Retry ramp / Keep off. Settled as
         * {@link QuestionSettlement.Outcome#APPROVED} by a retry, {@link QuestionSettlement.Outcome#DENIED} by
         * Keep off or an abort, {@link QuestionSettlement.Outcome#DONE} by a person completing the ramp, and
         * {@link QuestionSettlement.Outcome#OVERTAKEN} by any other move of the ramp.
         */
        ROLLBACK;

        public boolean aboutTarget() {
            return this == SWITCH_OFF || this == SWITCH_ON || this == ROLLBACK;
        }
    }

    public Question {
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(taskClass, "taskClass");
        Objects.requireNonNull(target, "target");
        if ((kind == Kind.CONSENT) != taskClass.isPresent() || kind.aboutTarget() != target.isPresent()) {
            throw new IllegalArgumentException("a consent question is about a task class, a switch about a target, "
                    + "others about the incident only");
        }
    }

    public static Question consent(IncidentId incident, TaskClassId taskClass) {
        return new Question(incident, Kind.CONSENT, Optional.of(taskClass), Optional.empty());
    }

    public static Question switchOff(IncidentId incident, Target target) {
        return new Question(incident, Kind.SWITCH_OFF, Optional.empty(), Optional.of(target));
    }

    public static Question switchOn(IncidentId incident, Target target) {
        return new Question(incident, Kind.SWITCH_ON, Optional.empty(), Optional.of(target));
    }

    public static Question rollback(IncidentId incident, Target target) {
        return new Question(incident, Kind.ROLLBACK, Optional.empty(), Optional.of(target));
    }

    public static Question monitor(IncidentId incident) {
        return new Question(incident, Kind.MONITOR, Optional.empty(), Optional.empty());
    }

    public static Question resolve(IncidentId incident) {
        return new Question(incident, Kind.RESOLVE, Optional.empty(), Optional.empty());
    }

    public static Question postUpdate(IncidentId incident) {
        return new Question(incident, Kind.POST_UPDATE, Optional.empty(), Optional.empty());
    }
}
