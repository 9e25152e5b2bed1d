package dev.detour.incidents.service;

import dev.detour.incidents.event.DetourEvent;
import dev.detour.incidents.outbox.OutboxDraft;
import dev.detour.incidents.outbox.OutboxRule;
import dev.detour.incidents.persistence.OutboxRepository;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;

/**
 * Writes outbox rows for events, inside the caller's transaction, and tells in-process listeners. Delivery is
 * another module's job.
 */
@Singleton
public class Outbox {
    public static final String PENDING = "pending";

    private final OutboxRepository rows;
    private final List<OutboxRule> rules;
    private final Clock clock;

    private final ApplicationEventPublisher<DetourEvent> listeners;

    public Outbox(OutboxRepository rows, List<OutboxRule> rules, Clock clock,
                  ApplicationEventPublisher<DetourEvent> listeners) {
        this.rows = rows;
        this.rules = List.copyOf(rules);
        this.clock = clock;
        this.listeners = listeners;
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void enqueue(List<? extends DetourEvent> events) {
        for (DetourEvent event : events) {
            for (OutboxRule rule : rules) {
                rule.draftsFor(event).forEach(this::write);
            }
            // In-process listeners use @TransactionalEventListener: they hear of the change once it commits.
            listeners.publishEvent(event);
        }
    }

    /** A delivery no event causes (a reminder, say), in its own transaction or the caller's. */
    @Transactional
    public void post(OutboxDraft draft) {
        write(draft);
    }

    private void write(OutboxDraft draft) {
        rows.insertIfAbsent(clock.instant(), draft.topic(), draft.destination(), draft.idempotencyKey(),
                draft.payload(), draft.incident().map(id -> id.number()).orElse(null), PENDING);
    }
}
