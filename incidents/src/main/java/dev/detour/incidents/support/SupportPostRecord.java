package dev.detour.incidents.support;

import dev.detour.incidents.catalog.TaskClassId;
import dev.detour.incidents.incident.IncidentId;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A support post as written, whether Slack has it yet or not.
 *
 * @param id stable for as long as the database lives (posts written before the support post log existed keep
 *           the id of the outbox row they were read from)
 * @param at when the change that caused it was written
 * @param nextUpdateBy when the post promised the next one, if it did
 * @param features what the post announced per feature (empty for posts written before V34 and for the resolution)
 */
public record SupportPostRecord(long id, IncidentId incident, SupportPostKind kind, String headline, String body,
                                Instant at, Optional<Instant> nextUpdateBy, Map<TaskClassId, FeatureState> features) {
    public SupportPostRecord {
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(headline, "headline");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(nextUpdateBy, "nextUpdateBy");
        features = Map.copyOf(features);
    }

    /** A post that announced no feature's state. */
    public SupportPostRecord(long id, IncidentId incident, SupportPostKind kind, String headline, String body,
                             Instant at, Optional<Instant> nextUpdateBy) {
        this(id, incident, kind, headline, body, at, nextUpdateBy, Map.of());
    }
}
