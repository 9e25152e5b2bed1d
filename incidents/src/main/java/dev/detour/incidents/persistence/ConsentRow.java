package dev.detour.incidents.persistence;

import dev.detour.incidents.incident.TextLimits;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** The latest answer to a fallback question for one task class. */
@MappedEntity("consent")
public record ConsentRow(@Id String taskClassId, String offeredModel, String answer, Instant answeredAt,
                         String answeredBy, boolean timedOut) {
    /** Column size, as V1__schema.sql declares it; a longer actor is cut to fit, saying so. */
    static final int ACTOR = 200;

    public ConsentRow {
        answeredBy = TextLimits.clip(answeredBy, ACTOR);
    }
}
