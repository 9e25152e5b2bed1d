package dev.detour.incidents.outbox;

import dev.detour.incidents.incident.IncidentId;

import java.util.Objects;
import java.util.Optional;

/**
 * A message or push to deliver once the change that caused it has committed.
 *
 * @param topic          what kind of delivery, e.g. {@code slack.post}, {@code slack.update}, {@code flags.webhook}
 * @param destination    where to, e.g. a Slack channel id or a sink name
 * @param idempotencyKey unique per delivery: the same change never produces two rows
 * @param payload        what to deliver, already rendered (JSON)
 */
public record OutboxDraft(String topic, String destination, String idempotencyKey, String payload,
                          Optional<IncidentId> incident) {
    public OutboxDraft {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(payload, "payload");
        incident = incident == null ? Optional.empty() : incident;
    }
}
