package dev.detour.incidents.persistence;

import dev.detour.incidents.incident.TextLimits;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A row of {@code audit_record}: written once, never changed. Text longer than its column (a signal's summary, say)
 * is cut to fit with a note of what was left out, so a record is never lost to its length.
 */
@MappedEntity("audit_record")
public record AuditRecordRow(@Id @GeneratedValue @Nullable Long id, Instant occurredAt, String actor, String action,
                             String subject, @Nullable String beforeValue, @Nullable String afterValue,
                             @Nullable String reason, @Nullable Long incidentId) {
    /** Column sizes, as V1__schema.sql declares them. */
    static final int ACTOR = 200;
    static final int ACTION = 64;
    static final int SUBJECT = 200;
    static final int VALUE = 4000;
    static final int REASON = 4000;

    public AuditRecordRow {
        actor = TextLimits.clip(actor, ACTOR);
        action = TextLimits.clip(action, ACTION);
        subject = TextLimits.clip(subject, SUBJECT);
        beforeValue = TextLimits.clip(beforeValue, VALUE);
        afterValue = TextLimits.clip(afterValue, VALUE);
        reason = TextLimits.clip(reason, REASON);
    }
}
