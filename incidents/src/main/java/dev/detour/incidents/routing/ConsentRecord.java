package dev.detour.incidents.routing;

import dev.detour.incidents.catalog.ConsentAnswer;
import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.TaskClassId;

import java.util.Objects;

/**
 * An answer given to "may {@code taskClass} move to {@code offered}?". An open question has no record.
 *
 * @param timedOut nobody answered in time: {@code answer} is the task class's {@code on-timeout} answer
 */
public record ConsentRecord(TaskClassId taskClass, ModelId offered, ConsentAnswer answer, boolean timedOut) {
    public ConsentRecord {
        Objects.requireNonNull(taskClass, "taskClass");
        Objects.requireNonNull(offered, "offered");
        Objects.requireNonNull(answer, "answer");
    }

    /** An answer someone gave. */
    public ConsentRecord(TaskClassId taskClass, ModelId offered, ConsentAnswer answer) {
        this(taskClass, offered, answer, false);
    }
}
