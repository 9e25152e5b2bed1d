package dev.detour.incidents.application;

import dev.detour.incidents.event.DetourEvent;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.outbox.BatchId;
import dev.detour.incidents.outbox.DeliveryKey;
import dev.detour.incidents.outbox.Once;
import dev.detour.incidents.outbox.OutboxDraft;
import dev.detour.incidents.outbox.OutboxRule;
import dev.detour.incidents.persistence.OutboxRepository;
import dev.detour.incidents.persistence.SupportPosts;
import dev.detour.incidents.support.SupportPostDraft;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Writes outbox rows for events, inside the caller's transaction, and tells in-process listeners. Delivery is
 * another module's job. Each row's idempotency key is made here from typed parts ({@link DeliveryKey}): the event's
 * id or the change's batch, the kind and the destination, never from what the event says.
 */
@Singleton
public class Outbox {
    public static final String PENDING = "pending";

    private final OutboxRepository rows;
    private final SupportPosts supportPosts;
    private final List<OutboxRule> rules;
    private final ChangeBatches batches;
    private final Clock clock;

    private final ApplicationEventPublisher<DetourEvent> listeners;

    public Outbox(OutboxRepository rows, SupportPosts supportPosts, List<OutboxRule> rules, ChangeBatches batches,
           Clock clock, ApplicationEventPublisher<DetourEvent> listeners) {
        this.rows = rows;
        this.supportPosts = supportPosts;
        this.rules = List.copyOf(rules);
        this.batches = batches;
        this.clock = clock;
        this.listeners = listeners;
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void enqueue(List<? extends DetourEvent> events) {
        BatchId batch = batches.current();
        for (DetourEvent event : events) {
            for (OutboxRule rule : rules) {
                rule.draftsFor(event).forEach(draft -> write(draft, Optional.of(event), batch));
            }
            // In-process listeners use @TransactionalEventListener: they hear of the change once it commits.
            listeners.publishEvent(event);
        }
    }

    /** A delivery no event causes (a reminder, say), in its own transaction or the caller's. */
    @Transactional
    public void post(OutboxDraft draft) {
        if (draft.once() instanceof Once.PerEvent) {
            throw new IllegalArgumentException("a delivery no event causes cannot be unique per event");
        }
        write(draft, Optional.empty(), batches.current());
    }

    private void write(OutboxDraft draft, Optional<DetourEvent> event, BatchId batch) {
        Instant now = clock.instant();
        DeliveryKey key = keyOf(draft, event, batch);
        Long incident = draft.incident().map(IncidentId::number).orElse(null);
        int written = rows.insertIfAbsent(now, draft.kind().topic(), draft.kind().word(), batch.toString(),
                draft.destination(), key.stored(), draft.payload(), incident, PENDING);
        if (written == 1 && draft.supportPost().isPresent()) {
            // Only with a new row: a post the outbox already has is already in the log.
            SupportPostDraft post = draft.supportPost().get();
            supportPosts.record(incident, post, now);
        }
    }

    private static DeliveryKey keyOf(OutboxDraft draft, Optional<DetourEvent> event, BatchId batch) {
        if (draft.once() instanceof Once.PerEvent perEvent) {
            return DeliveryKey.forEvent(event.orElseThrow().id(), draft.kind(), draft.destination(), perEvent.item());
        }
        if (draft.once() instanceof Once.PerChange perChange) {
            return DeliveryKey.forChange(batch, draft.kind(), draft.destination(), perChange.facts());
        }
        return DeliveryKey.forFacts(draft.kind(), draft.destination(), ((Once.PerFacts) draft.once()).facts());
    }
}
