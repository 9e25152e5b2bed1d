package dev.detour.incidents.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** The latest answer to a fallback question for one task class. */
@MappedEntity("consent")
public record ConsentRow(@Id String taskClassId, String offeredModel, String answer, Instant answeredAt,
                         String answeredBy) {
}
