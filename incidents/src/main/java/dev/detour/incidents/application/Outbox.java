package dev.detour.incidents.application;

import dev.detour.incidents.event.DetourEvent;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.outbox.BatchId;
import dev.detour.incidents.outbox.ChangeRule;
import dev.detour.incidents.outbox.CopyRule;
import dev.detour.incidents.outbox.DeliveryKey;
import dev.detour.incidents.outbox.Once;
import dev.detour.incidents.outbox.OutboxDraft;
import dev.detour.incidents.outbox.OutboxRule;
import dev.detour.incidents.ports.OutboxStorage;
import dev.detour.incidents.ports.SupportPosts;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes outbox rows for events, inside the caller's transaction, and tells in-process listeners. Delivery is
 * another module's job. Each row's idempotency key is made here from typed parts ({@link DeliveryKey}): the event's
 * id or the change's batch, the kind and the destination, never from what the event says.
 */
@Singleton
public class Outbox {
    private final OutboxStorage rows;
    private final SupportPosts supportPosts;
    private final List<OutboxRule> rules;
    private final List<ChangeRule> changeRules;
    private final List<CopyRule> copyRules;
    private final ChangeBatches batches;
    private final Clock clock;

    private final ApplicationEventPublisher<DetourEvent> listeners;

    public Outbox(OutboxStorage rows, SupportPosts supportPosts, List<OutboxRule> rules, List<ChangeRule> changeRules,
           List<CopyRule> copyRules, ChangeBatches batches, Clock clock,
           ApplicationEventPublisher<DetourEvent> listeners) {
        this.rows = rows;
        this.supportPosts = supportPosts;
        this.rules = List.copyOf(rules);
        this.changeRules = List.copyOf(changeRules);
        this.copyRules = List.copyOf(copyRules);
        this.batches = batches;
        this.clock = clock;
        this.listeners = listeners;
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void enqueue(List<? extends DetourEvent> events) {
        ChangeBatches.Change change = batches.change();
        BatchId batch = change.batch();
        for (DetourEvent event : events) {
            List<OutboxDraft> supportPosts = new ArrayList<>();
            for (OutboxRule rule : rules) {
                for (OutboxDraft draft : rule.draftsFor(event)) {
                    write(draft, Optional.of(event), batch);
                    draft.supportPost().ifPresent(post -> supportPosts.add(draft));
                }
            }
            if (!supportPosts.isEmpty()) {
                copy(List.copyOf(supportPosts), event, batch);
            }
            // In-process listeners use @TransactionalEventListener: they hear of the change once it commits.
            listeners.publishEvent(event);
        }
        if (!events.isEmpty()) {
            List<DetourEvent> all = change.add(events);
            changeRules.forEach(rule -> rewrite(rule, all, change));
        }
    }

    /** The copies of an event's support posts, after the posts themselves. */
    private void copy(List<OutboxDraft> supportPosts, DetourEvent event, BatchId batch) {
        for (CopyRule rule : copyRules) {
            for (OutboxDraft copy : rule.copiesOf(supportPosts)) {
                if (copy.supportPost().isPresent()) {
                    throw new IllegalArgumentException("a copy of a support post is not a support post of its own");
                }
                write(copy, Optional.of(event), batch);
            }
        }
    }

    /**
     * Asks {@code rule} again with every event of the change so far and replaces the rows it wrote for the change
     * before: the new ones come last, after the rows of the events that led to them.
     */
    private void rewrite(ChangeRule rule, List<DetourEvent> events, ChangeBatches.Change change) {
        List<DeliveryKey> written = change.writtenBy(rule);
        written.forEach(rows::withdraw);
        written.clear();
        for (OutboxDraft draft : rule.draftsForChange(events)) {
            if (draft.once() instanceof Once.PerEvent) {
                throw new IllegalArgumentException("a change rule's delivery is unique per change or per facts");
            }
            if (draft.supportPost().isPresent()) {
                throw new IllegalArgumentException("support posts come from event rules, written once");
            }
            DeliveryKey key = keyOf(draft, Optional.empty(), change.batch());
            if (rows.appendIfAbsent(draft, key, change.batch(), clock.instant())) {
                written.add(key);
            }
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
        boolean written = rows.appendIfAbsent(draft, key, batch, now);
        if (written && draft.supportPost().isPresent()) {
            // Only with a new row: a post the outbox already has is already in the log.
            IncidentId incident = draft.incident()
                    .orElseThrow(() -> new IllegalArgumentException("a support post is about an incident"));
            supportPosts.record(incident, draft.supportPost().get(), now);
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
