package dev.detour.notifications.slack;

import dev.detour.incidents.audit.Actor;
import dev.detour.incidents.audit.AuditRecord;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.lifecycle.Job;
import dev.detour.incidents.outbox.OutboxDraft;
import dev.detour.incidents.catalog.SlackSettings;
import dev.detour.incidents.persistence.OutboxRow;
import dev.detour.incidents.service.IncidentService;
import dev.detour.incidents.service.IncidentThreads;
import dev.detour.incidents.service.Outbox;
import dev.detour.incidents.service.OutboxDeliveries;
import dev.detour.incidents.service.StatusService;
import dev.detour.messages.IncidentRootMessage;
import dev.detour.messages.Names;
import dev.detour.messages.SlackMessage;
import dev.detour.messages.Wording;
import dev.detour.notifications.Backoff;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Delivers the Slack rows of the outbox in the order they were written. A root refresh renders the incident as it is now: the
 * first one posts the root message and remembers its ts, later ones edit it, and the refreshes pending together
 * for one incident become one edit. Replies go into the root's thread.
 */
@Singleton
public class SlackDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(SlackDispatcher.class);
    private static final int BATCH = 100;

    private final OutboxDeliveries outbox;
    private final SlackSender slack;
    private final IncidentThreads threads;
    private final IncidentService incidents;
    private final StatusService status;
    private final IncidentRootMessage root;
    private final Clock clock;
    private final Outbox notes;
    private final ChannelPacing pacing;
    private final SlackSettings settings;

    public SlackDispatcher(OutboxDeliveries outbox, @Named("slack") SlackSender slack, IncidentThreads threads,
                            IncidentService incidents, StatusService status, Catalog catalog, Clock clock,
                            Outbox notes, SlackSettings settings,
                            @Property(name = "detour.slack.burst", defaultValue = "3") int burst) {
        this.notes = notes;
        this.settings = settings;
        this.pacing = new ChannelPacing(burst);
        this.outbox = outbox;
        this.slack = slack;
        this.threads = threads;
        this.incidents = incidents;
        this.status = status;
        this.root = new IncidentRootMessage(new Names(catalog));
        this.clock = clock;
    }

    /** Set when the application begins to stop: rows not yet delivered wait in the outbox for the next start. */
    private volatile boolean stopping;

    @EventListener
    void onShutdown(ShutdownEvent event) {
        stopping = true;
        synchronized (this) {
            // Waits for the row in flight, so its transaction commits before the database goes away.
        }
    }

    @Job("slack-outbox")
    @Scheduled(fixedDelay = "${detour.outbox.poll:250ms}", initialDelay = "${detour.outbox.first-poll:1s}")
    public void poll() {
        if (stopping) {
            return;
        }
        try {
            dispatchDue();
        } catch (RuntimeException e) {
            if (!stopping) { // while stopping, the database may already be gone; the rows wait
                LOG.error("outbox dispatch failed; retrying on the next poll", e);
            }
        }
    }

    /** Delivers what is due now; returns how many rows it finished (sent or failed). */
    public synchronized int dispatchDue() {
        List<OutboxRow> due = outbox.due(SlackOutboxRule.TOPICS, BATCH);
        Set<Long> refreshed = new HashSet<>();
        Set<String> held = new HashSet<>();
        int finished = 0;
        for (OutboxRow row : due) {
            if (stopping) {
                break;
            }
            // A held channel's later rows wait for the next poll, so each channel's rows arrive in order. A channel
            // is held when it is out of tokens, when a row waits for a retry, or when another replica has a row.
            String channel = row.destination();
            if (held.contains(channel) || !pacing.tryTake(channel + ":" + kindOf(row))) {
                held.add(channel);
                continue;
            }
            Optional<Boolean> done = outbox.claimed(row, SlackOutboxRule.TOPICS, locked -> deliver(locked, refreshed));
            if (done.orElse(false)) {
                finished++;
            } else {
                held.add(channel);
            }
        }
        return finished;
    }

    /** @return whether the row is finished: delivered, folded into another delivery, or failed for good */
    private boolean deliver(OutboxRow row, Set<Long> refreshed) {
        Optional<IncidentId> incident = Optional.ofNullable(row.incidentId()).map(IncidentId::new);
        if (row.topic().equals(SlackOutboxRule.ROOT) && incident.isPresent() && !refreshed.add(row.incidentId())) {
            outbox.sent(row, List.of()); // folded into the edit this batch already made
            return true;
        }
        SendResult result = deliver(row, incident);
        if (result instanceof SendResult.Failed failed && failed.error().equals("not_in_channel")
                && slack.join(row.destination()) instanceof SendResult.Delivered) {
            result = deliver(row, incident); // a public channel Detour was not in: joined, once more
        }
        return settle(row, incident, result);
    }

    /** Posts and edits have separate limits at Slack. */
    private static String kindOf(OutboxRow row) {
        return row.topic().equals(SlackOutboxRule.ROOT) ? "edit" : "post";
    }

    private SendResult deliver(OutboxRow row, Optional<IncidentId> incident) {
        Optional<IncidentThreads.Thread> thread = incident.flatMap(threads::of);
        return switch (row.topic()) {
            case SlackOutboxRule.ROOT -> refreshRoot(row, incident.orElseThrow(), thread);
            // Its root message was written before it to the same channel, and rows of a channel go in order: by
            // now the root has a ts, or it failed for good and the reply stands on its own.
            case SlackOutboxRule.REPLY -> slack.post(thread.map(IncidentThreads.Thread::channel)
                    .orElse(row.destination()), thread.map(IncidentThreads.Thread::ts), SlackPayload.fromJson(row.payload()));
            case SupportOutboxRule.SUPPORT, SupportOutboxRule.SUMMARY ->
                    slack.post(row.destination(), Optional.empty(), SlackPayload.fromJson(row.payload()));
            default -> new SendResult.Failed("unknown outbox topic " + row.topic());
        };
    }

    private SendResult refreshRoot(OutboxRow row, IncidentId id, Optional<IncidentThreads.Thread> thread) {
        Optional<Incident> incident = incidents.find(id);
        if (incident.isEmpty()) {
            return new SendResult.Failed("no incident " + id);
        }
        SlackPayload message = SlackPayload.of(root.render(incident.get(), status.current(), incidents.timeline(id)));
        if (thread.isPresent()) {
            return slack.update(thread.get().channel(), thread.get().ts(), message);
        }
        SendResult result = slack.post(row.destination(), Optional.empty(), message);
        if (result instanceof SendResult.Delivered delivered) {
            threads.remember(id, delivered.channel(), delivered.ts());
        }
        return result;
    }

    /** Where possible, on-call learns in the incident's thread that a post could not be delivered. */
    private void noteInThread(OutboxRow row, Optional<IncidentId> incident, String error, Instant now) {
        if (incident.isEmpty() || row.topic().equals(SlackOutboxRule.ROOT) || row.topic().equals(SlackOutboxRule.REPLY)) {
            return; // the thread itself is what failed
        }
        SlackPayload note = SlackPayload.of(SlackMessage.plain(
                Wording.english().get("reply.undeliverable", row.destination(), error)));
        notes.post(new OutboxDraft(SlackOutboxRule.REPLY, settings.incidentChannel(),
                "undeliverable:" + row.id(), note.toJson(), incident));
    }

    /** @return whether the row is finished */
    private boolean settle(OutboxRow row, Optional<IncidentId> incident, SendResult result) {
        Instant now = clock.instant();
        if (result instanceof SendResult.Delivered delivered) {
            outbox.sent(row, List.of(new AuditRecord(now, Actor.system("outbox"), row.topic(),
                    "slack:" + delivered.channel() + "/" + delivered.ts(), Optional.empty(), Optional.empty(),
                    Optional.empty(), incident)));
            return true;
        }
        if (result instanceof SendResult.Retry retry) {
            Duration wait = retry.after().orElseGet(() -> Backoff.after(row.attempts()));
            outbox.retry(row, now.plus(wait), retry.error());
            return false;
        }
        String error = ((SendResult.Failed) result).error();
        LOG.warn("outbox row {} ({} to {}) failed for good: {}", row.id(), row.topic(), row.destination(), error);
        outbox.failed(row, error, new AuditRecord(now, Actor.system("outbox"), row.topic() + ".failed",
                "slack:" + row.destination(), Optional.empty(), Optional.empty(), Optional.of(error), incident));
        noteInThread(row, incident, error, now);
        return true;
    }

}
