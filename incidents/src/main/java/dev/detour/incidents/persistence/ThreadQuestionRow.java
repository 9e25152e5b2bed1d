package dev.detour.incidents.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A question posted in an incident's thread, keyed by a digest of incident, kind and subject. */
@MappedEntity("thread_question")
public record ThreadQuestionRow(@Id String questionKey, Long incidentId, String kind, @Nullable String taskClass,
                                @Nullable String targetKind, @Nullable String targetId, @Nullable String offered,
                                String channel, String ts, String context, Instant askedAt,
                                @Nullable String outcome, @Nullable String settledBy, @Nullable Instant settledAt,
                                boolean closed) {
}
