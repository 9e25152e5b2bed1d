package dev.detour.incidents.preview;

import dev.detour.incidents.catalog.ConsentAnswer;
import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.TaskClassId;

import java.time.Duration;
import java.util.Objects;

/** A fallback question the change makes Detour ask: may {@code taskClass} move to {@code offered}? */
public record QuestionEffect(TaskClassId taskClass, ModelId offered, Duration timeout, ConsentAnswer onTimeout) {
    public QuestionEffect {
        Objects.requireNonNull(taskClass, "taskClass");
        Objects.requireNonNull(offered, "offered");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(onTimeout, "onTimeout");
    }
}
