package dev.detour.incidents.audit;

import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.IncidentId;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One append-only record of a decision (docs/api.md, {@code GET /api/audit}): when, who, what changed from what to what, why, in which
 * incident. Records are never updated or deleted.
 *
 * @param action  what happened, e.g. {@code availability.changed}, {@code route.changed}, {@code incident.opened}
 * @param subject what it happened to, e.g. {@code model:claude-opus-4-8}, {@code task-class:legal-review},
 *                {@code incident:INC-3}
 * @param before  the value before, empty for creations
 * @param after   the value after
 * @param reason  why, in the actor's words or the policy's
 */
public record AuditRecord(Instant at, Actor actor, AuditAction action, AuditSubject subject, Optional<String> before,
                          Optional<String> after, Optional<String> reason, Optional<IncidentId> incident) {
    public AuditRecord {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subject, "subject");
        before = before == null ? Optional.empty() : before;
        after = after == null ? Optional.empty() : after;
        reason = reason == null ? Optional.empty() : reason.filter(text -> !text.isBlank());
        incident = incident == null ? Optional.empty() : incident;
    }
}
