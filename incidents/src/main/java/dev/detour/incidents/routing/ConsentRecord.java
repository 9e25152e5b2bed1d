package dev.detour.incidents.routing;

import dev.detour.incidents.catalog.ConsentAnswer;
import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.TaskClassId;

import java.util.Objects;

/** An answer given to "may {@code taskClass} move to {@code offered}?". An open question has no record. */
public record ConsentRecord(TaskClassId taskClass, ModelId offered, ConsentAnswer answer) {
    public ConsentRecord {
        Objects.requireNonNull(taskClass, "taskClass");
        Objects.requireNonNull(offered, "offered");
        Objects.requireNonNull(answer, "answer");
    }
}
