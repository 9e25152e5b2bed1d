package dev.detour.incidents.outbox;

import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.support.SupportPostDraft;

import java.util.Objects;
import java.util.Optional;

/**
 * A message or push to deliver once the change that caused it has committed.
 *
 * @param kind        what kind of delivery, e.g. a Slack reply or a flag webhook
 * @param destination where to, e.g. a Slack channel id or a sink name
 * @param once        what it is unique for: the same change never produces two rows
 * @param payload     what to deliver, already rendered (JSON)
 * @param supportPost when the delivery is a post for support staff: its words as data, kept in the support post
 *                    log (written with the row, only when the row is new) for readers outside Slack
 */
public record OutboxDraft(OutboxKind kind, String destination, Once once, String payload,
                          Optional<IncidentId> incident, Optional<SupportPostDraft> supportPost) {
    public OutboxDraft {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(once, "once");
        Objects.requireNonNull(payload, "payload");
        incident = incident == null ? Optional.empty() : incident;
        supportPost = supportPost == null ? Optional.empty() : supportPost;
        if (supportPost.isPresent() && incident.isEmpty()) {
            throw new IllegalArgumentException("a support post belongs to an incident");
        }
    }

    public OutboxDraft(OutboxKind kind, String destination, Once once, String payload,
                       Optional<IncidentId> incident) {
        this(kind, destination, once, payload, incident, Optional.empty());
    }
}
