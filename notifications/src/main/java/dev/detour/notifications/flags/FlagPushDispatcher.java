package dev.detour.notifications.flags;

import dev.detour.incidents.application.Outbox;
import dev.detour.incidents.audit.AuditAction;
import dev.detour.incidents.audit.AuditRecord;
import dev.detour.incidents.audit.AuditSubject;
import dev.detour.incidents.catalog.DetourConfig;
import dev.detour.incidents.catalog.SlackSettings;
import dev.detour.incidents.catalog.Sink;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.lifecycle.Job;
import dev.detour.incidents.outbox.Once;
import dev.detour.incidents.outbox.OutboxDraft;
import dev.detour.incidents.outbox.OutboxEntry;
import dev.detour.incidents.ports.OutboxQueue;
import dev.detour.notifications.Backoff;
import dev.detour.notifications.slack.SlackKind;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Delivers flag pushes, each sink's rows strictly in order: while a sink's oldest row waits for a retry, its
 * later rows wait too, so a receiver never sees an older state after a newer one. Slack rows are another
 * dispatcher's, so Slack being down never delays a flag change.
 */
@Singleton
public class FlagPushDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(FlagPushDispatcher.class);
    private static final int BATCH = 200;

    private final OutboxQueue outbox;
    private final Map<String, Sink> sinks;
    private final WebhookPusher webhooks;
    private final FlagFileWriter files;
    private final LiteLlmPusher liteLlm;
    private final LiteLlmThreadNotes notes;
    private final Outbox rootRefresh;
    private final SlackSettings slack;
    private final Clock clock;
    private volatile boolean stopping;

    public FlagPushDispatcher(OutboxQueue outbox, DetourConfig config, WebhookPusher webhooks,
                              FlagFileWriter files, LiteLlmPusher liteLlm, LiteLlmThreadNotes notes, Outbox rootRefresh,
                              Clock clock) {
        this.outbox = outbox;
        this.sinks = config.sinks().stream().collect(Collectors.toMap(Sink::name, Function.identity()));
        this.webhooks = webhooks;
        this.files = files;
        this.liteLlm = liteLlm;
        this.notes = notes;
        this.rootRefresh = rootRefresh;
        this.slack = config.slack();
        this.clock = clock;
    }

    @EventListener
    void onShutdown(ShutdownEvent event) {
        stopping = true;
        synchronized (this) {
            // Waits for the row in flight, so its transaction commits before the database goes away.
        }
    }

    @Job("flag-push-outbox")
    @Scheduled(fixedDelay = "${detour.outbox.poll:250ms}", initialDelay = "${detour.outbox.first-poll:1s}")
    public void poll() {
        if (stopping || sinks.isEmpty()) {
            return;
        }
        try {
            dispatchDue();
        } catch (RuntimeException e) {
            if (!stopping) {
                LOG.error("flag push dispatch failed; retrying on the next poll", e);
            }
        }
    }

    /** @return how many rows were delivered or given up */
    public synchronized int dispatchDue() {
        Instant now = clock.instant();
        Set<String> blocked = new HashSet<>();
        int finished = 0;
        List<OutboxEntry> pending = outbox.pending(FlagPushKind.TOPICS, BATCH);
        for (int i = 0; i < pending.size(); i++) {
            OutboxEntry row = pending.get(i);
            if (stopping) {
                break;
            }
            if (blocked.contains(row.destination())) {
                continue;
            }
            if (row.nextAttemptAt().isAfter(now)) {
                blocked.add(row.destination()); // an earlier row waits: so do the later ones
                continue;
            }
            List<OutboxEntry> later = pending.subList(i + 1, pending.size());
            // Claimed: of several replicas, one pushes the row; the others hold the sink until it is done.
            Optional<Boolean> done = outbox.claimed(row, FlagPushKind.TOPICS, locked -> deliver(locked, later, now));
            if (done.orElse(false)) {
                finished++;
            } else {
                blocked.add(row.destination());
            }
        }
        return finished;
    }

    /** @return whether the row is finished (pushed, folded into a later row, or given up); false: it waits */
    private boolean deliver(OutboxEntry row, List<OutboxEntry> later, Instant now) {
        if (supersededBy(row, later)) {
            outbox.sent(row, List.of()); // a later row of the same transaction carries its changes too
            return true;
        }
        PushResult result = push(row);
        if (result instanceof PushResult.Retry retry) {
            outbox.retry(row, now.plus(Backoff.after(row.attempts())), retry.error());
            return false;
        }
        Optional<IncidentId> incident = Optional.ofNullable(row.incidentId()).map(IncidentId::new);
        if (result instanceof PushResult.Failed failed) {
            LOG.warn("flag push {} to sink {} failed for good: {}", row.id(), row.destination(), failed.error());
            outbox.failed(row, failed.error(), new AuditRecord(now, Actor.system("outbox"),
                    AuditAction.deliveryFailed(row.topic()), AuditSubject.sink(row.destination()), Optional.empty(), Optional.empty(),
                    Optional.of(failed.error()), incident));
        } else {
            outbox.sent(row, List.of(new AuditRecord(now, Actor.system("outbox"),
                    AuditAction.delivered(row.topic()), AuditSubject.sink(row.destination()), Optional.empty(), Optional.of(row.idempotencyKey()),
                    Optional.empty(), incident)));
        }
        // The root message's line on which sinks the change reached follows (docs/flags.md, "Which apps obey").
        incident.ifPresent(id -> rootRefresh.post(new OutboxDraft(SlackKind.ROOT_REFRESH, slack.incidentChannel(),
                Once.perFacts("root-after-sink", row.idempotencyKey()), "{\"incident\":\"" + id + "\"}",
                incident)));
        return true;
    }

    /** A later row for the same sink written by the same change (its {@code batch}) carries this row's changes. */
    private static boolean supersededBy(OutboxEntry row, List<OutboxEntry> later) {
        return row.batch() != null && later.stream().anyMatch(next -> next.destination().equals(row.destination())
                && next.kind().equals(row.kind()) && row.batch().equals(next.batch()));
    }

    private PushResult push(OutboxEntry row) {
        Sink sink = sinks.get(row.destination());
        if (sink instanceof Sink.Webhook webhook) {
            return webhooks.push(webhook, row.idempotencyKey(), FlagDocuments.withId(row.idempotencyKey(),
                    row.payload()));
        }
        if (sink instanceof Sink.FlagdFile file) {
            return files.write(file, row.payload());
        }
        if (sink instanceof Sink.LiteLlm proxy) {
            LiteLlmOutcome outcome = liteLlm.push(proxy, row);
            outcome.note().ifPresent(note -> notes.tell(row, note)); // joins this row's transaction
            return outcome.result();
        }
        return new PushResult.Failed("no sink named '" + row.destination() + "' in the config any more");
    }
}
