package dev.detour.notifications.slack;

import dev.detour.incidents.application.IncidentService;
import dev.detour.incidents.application.Outbox;
import dev.detour.incidents.audit.AuditAction;
import dev.detour.incidents.audit.AuditRecord;
import dev.detour.incidents.audit.AuditSubject;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.DetourConfig;
import dev.detour.incidents.catalog.Sink;
import dev.detour.incidents.catalog.SlackSettings;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.lifecycle.Job;
import dev.detour.incidents.outbox.Once;
import dev.detour.incidents.outbox.OutboxDraft;
import dev.detour.incidents.outbox.OutboxEntry;
import dev.detour.incidents.ports.IncidentThreads;
import dev.detour.incidents.ports.OutboxQueue;
import dev.detour.incidents.queries.StatusService;
import dev.detour.messages.IncidentRootMessage;
import dev.detour.messages.Limits;
import dev.detour.messages.Names;
import dev.detour.messages.SinkReach;
import dev.detour.messages.SlackMessage;
import dev.detour.messages.SlackText;
import dev.detour.messages.WordKey;
import dev.detour.messages.Wording;
import dev.detour.notifications.Backoff;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Delivers the Slack rows of the outbox in the order they were written. A root refresh renders the incident as it is now: the
 * first one posts the root message and remembers its ts, later ones edit it, and one edit delivers every refresh of
 * that incident pending when it was rendered. Replies go into the root's thread.
 *
 * <p>Each row is claimed and marked as being sent in a transaction of its own, committed before Slack is called, and
 * settled in another. A post whose outcome is unknown (the call got no answer, Detour died during it, or the commit
 * of its answer failed) is looked up by its {@link PostMark} in the channel's history before it is posted again, so
 * each post appears once; where Slack refuses the history, delivery is at least once ({@link DeliveryGuarantee}).
 */
@Singleton
public class SlackDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(SlackDispatcher.class);
    private static final int BATCH = 100;
    /** Detour's clock and Slack's may differ: the history is read from a little before the row was written. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);
    /**
     * Slack stamps messages with its own real time, whatever the business clock says (tests move it): a row's age
     * is measured on the business clock, and the history is read that far back from real now.
     */
    private final Clock slackTime = Clock.systemUTC();
    /** The flag pushes' topics (their dispatcher is in notifications.flags, which depends on this package). */
    private static final String FLAG_TOPICS = "flags.";

    private final OutboxQueue outbox;
    private final SlackSender slack;
    private final IncidentThreads threads;
    private final IncidentService incidents;
    private final StatusService status;
    private final IncidentRootMessage root;
    private final Clock clock;
    private final Outbox notes;
    private final ChannelPacing pacing;
    private final SlackSettings settings;
    private final SlackDeliverySettings delivery;
    private final DeliveryGuarantee guarantee;
    private final Wording words;
    private final QuestionDeliveries questions;
    private final ApprovalDeliveries approvals;
    private final List<Sink> sinks;
    private final dev.detour.incidents.application.ProviderStatusPageReadability pages;
    private final List<dev.detour.incidents.catalog.Provider> providers;

    /** The status pages this replica could not read at its last poll (docs/signals.md). */
    private List<dev.detour.messages.StatusPageUnreadable> unreadablePages() {
        return providers.stream().flatMap(provider -> pages.of(provider.id()).stream()
                .map(page -> new dev.detour.messages.StatusPageUnreadable(provider.id(), page.since()))).toList();
    }

    public SlackDispatcher(OutboxQueue outbox, @Named("slack") SlackSender slack, IncidentThreads threads,
                            IncidentService incidents, StatusService status, Catalog catalog, Clock clock,
                            Outbox notes, SlackSettings settings, SlackDeliverySettings delivery,
                            DeliveryGuarantee guarantee, Wording words, QuestionDeliveries questions,
                            ApprovalDeliveries approvals, DetourConfig config,
                            dev.detour.incidents.application.ProviderStatusPageReadability pages) {
        this.pages = pages;
        this.providers = catalog.providers();
        this.questions = questions;
        this.approvals = approvals;
        this.sinks = config.sinks();
        this.notes = notes;
        this.settings = settings;
        this.delivery = delivery;
        this.guarantee = guarantee;
        this.pacing = new ChannelPacing(delivery.burst());
        this.outbox = outbox;
        this.slack = slack;
        this.threads = threads;
        this.incidents = incidents;
        this.status = status;
        this.root = new IncidentRootMessage(new Names(catalog), words);
        this.words = words;
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
        List<OutboxEntry> due = outbox.due(SlackKind.TOPICS, BATCH);
        Map<Long, Long> folded = new HashMap<>(); // incident -> its root refreshes up to this row id are delivered
        Set<String> held = new HashSet<>();
        int finished = 0;
        for (OutboxEntry row : due) {
            if (stopping) {
                break;
            }
            if (isFolded(row, folded)) {
                continue; // an edit made in this batch delivered it already; it takes no turn of its channel
            }
            // A held channel's later rows wait for the next poll, so each channel's rows arrive in order. A channel
            // is held when it is out of tokens, when a row waits for a retry, or when another replica has a row.
            String channel = row.destination();
            if (held.contains(channel) || !pacing.tryTake(channel + ":" + limitOf(row))) {
                held.add(channel);
                continue;
            }
            Optional<OutboxEntry> claimed = outbox.claim(row, SlackKind.TOPICS,
                    clock.instant().plus(delivery.lease()));
            if (claimed.isPresent() && deliver(claimed.get(), folded)) {
                finished++;
            } else {
                held.add(channel);
            }
        }
        return finished;
    }

    private static boolean isFolded(OutboxEntry row, Map<Long, Long> folded) {
        return kindOf(row).equals(Optional.of(SlackKind.ROOT_REFRESH)) && row.incidentId() != null
                && row.id() <= folded.getOrDefault(row.incidentId(), Long.MIN_VALUE);
    }

    /** Where a row goes: a top-level post, a reply in a thread, or an edit of the root message. */
    private record Target(String channel, Optional<String> threadTs, boolean edit) {
    }

    /** @return whether the row is finished: delivered, or failed for good */
    private boolean deliver(OutboxEntry row, Map<Long, Long> folded) {
        Optional<IncidentId> incident = Optional.ofNullable(row.incidentId()).map(IncidentId::new);
        boolean isRoot = kindOf(row).equals(Optional.of(SlackKind.ROOT_REFRESH));
        if (isRoot && incident.isEmpty()) {
            return settle(row, incident, new SendResult.Failed("a root refresh without an incident"), null);
        }
        // Read before rendering: every refresh committed by now is shown by what is rendered next.
        Optional<Long> refreshesUpTo = isRoot ? outbox.newestPending(SlackKind.ROOT_REFRESH, incident.get())
                : Optional.empty();
        Optional<IncidentThreads.Thread> thread = incident.flatMap(threads::of);
        Target target = targetOf(row, thread);
        if (row.sendingSince() != null && !target.edit()) {
            Optional<SendResult> earlier = lookUp(row, target);
            if (earlier.isPresent()) {
                return settle(row, incident, earlier.get(), target);
            }
        }
        SendResult result = send(row, incident, target);
        if (result instanceof SendResult.Failed failed && failed.error().equals("not_in_channel")
                && slack.join(row.destination()) instanceof SendResult.Delivered) {
            result = send(row, incident, target); // a public channel Detour was not in: joined, once more
        }
        boolean finished = settle(row, incident, result, target);
        if (result instanceof SendResult.Delivered && refreshesUpTo.isPresent()) {
            outbox.folded(SlackKind.ROOT_REFRESH, incident.get(), refreshesUpTo.get());
            folded.merge(row.incidentId(), refreshesUpTo.get(), Math::max);
        }
        return finished;
    }

    /** The kind the row says it is; empty for a kind this version does not deliver. */
    private static Optional<SlackKind> kindOf(OutboxEntry row) {
        return SlackKind.of(row.kind());
    }

    /** Posts and edits have separate limits at Slack. */
    private static String limitOf(OutboxEntry row) {
        return kindOf(row).equals(Optional.of(SlackKind.ROOT_REFRESH))
                || kindOf(row).equals(Optional.of(SlackKind.QUESTION_SETTLED))
                || kindOf(row).equals(Optional.of(SlackKind.APPROVAL_SETTLED)) ? "edit" : "post";
    }

    private static Target targetOf(OutboxEntry row, Optional<IncidentThreads.Thread> thread) {
        Target topLevel = new Target(row.destination(), Optional.empty(), false);
        return switch (kindOf(row).orElse(SlackKind.SUPPORT_POST)) {
            case ROOT_REFRESH -> thread.map(t -> new Target(t.channel(), Optional.of(t.ts()), true)).orElse(topLevel);
            // Its root message was written before it to the same channel, and rows of a channel go in order: by
            // now the root has a ts, or it failed for good and the reply stands on its own.
            case REPLY, QUESTION, APPROVAL -> thread.map(t -> new Target(t.channel(), Optional.of(t.ts()), false))
                    .orElse(topLevel);
            // Edits of the questions' own messages, wherever they were posted: nothing to look up before.
            case QUESTION_SETTLED, APPROVAL_SETTLED -> new Target(row.destination(), Optional.empty(), true);
            case SUPPORT_POST, SUMMARY, DIRECT_MESSAGE, ANNOUNCEMENT -> topLevel;
        };
    }

    private static PostMark markOf(OutboxEntry row) {
        return new PostMark(row.id(), row.createdAt());
    }

    /**
     * An earlier call for this row may have posted it: look for the post before posting again.
     *
     * @return how the row ends without a new post (found: delivered; history unreadable now: unknown still), or
     *         nothing when it should be posted
     */
    private Optional<SendResult> lookUp(OutboxEntry row, Target target) {
        if (!guarantee.canLookUp(target.channel())) {
            LOG.warn("posting outbox row {} ({} to {}) again without knowing whether Slack has it: the history of {} "
                    + "cannot be read; if Slack took the earlier call, it shows twice", row.id(), row.topic(),
                    target.channel(), target.channel());
            return Optional.empty();
        }
        Duration age = Duration.between(row.createdAt(), clock.instant());
        HistoryLookup lookup = slack.find(target.channel(), target.threadTs(), markOf(row),
                slackTime.instant().minus(age.isNegative() ? Duration.ZERO : age).minus(CLOCK_SKEW));
        if (lookup instanceof HistoryLookup.Found found) {
            LOG.info("outbox row {} ({} to {}) was posted by an earlier call ({}): settled with its ts {}, not "
                    + "posted again", row.id(), row.topic(), found.channel(), row.lastError(), found.ts());
            return Optional.of(new SendResult.Delivered(found.channel(), found.ts()));
        }
        if (lookup instanceof HistoryLookup.Unanswered unanswered) {
            return Optional.of(new SendResult.Unknown("history unanswered: " + unanswered.error()));
        }
        if (lookup instanceof HistoryLookup.Unavailable unavailable) {
            guarantee.refused(target.channel(), unavailable.reason());
            LOG.warn("posting outbox row {} ({} to {}) again without knowing whether Slack has it; if Slack took "
                    + "the earlier call, it shows twice", row.id(), row.topic(), target.channel());
        }
        return Optional.empty();
    }

    private SendResult send(OutboxEntry row, Optional<IncidentId> incident, Target target) {
        Optional<SlackKind> kind = kindOf(row);
        if (kind.isEmpty()) {
            return new SendResult.Failed("unknown outbox kind " + row.kind());
        }
        return switch (kind.get()) {
            case ROOT_REFRESH -> refreshRoot(row, incident.orElseThrow(), target);
            case REPLY, SUPPORT_POST, SUMMARY, DIRECT_MESSAGE, ANNOUNCEMENT ->
                    slack.post(target.channel(), target.threadTs(), SlackPayload.fromJson(row.payload()), markOf(row));
            case QUESTION -> incident.isEmpty() ? new SendResult.Failed("a question without an incident")
                    : questions.post(row, incident.get(), target.channel(), target.threadTs(), slack, markOf(row));
            case QUESTION_SETTLED -> questions.settle(row, slack);
            case APPROVAL -> approvals.post(row, target.channel(), target.threadTs(), slack, markOf(row));
            case APPROVAL_SETTLED -> approvals.settle(row, slack);
        };
    }

    private SendResult refreshRoot(OutboxEntry row, IncidentId id, Target target) {
        Optional<Incident> incident = incidents.find(id);
        if (incident.isEmpty()) {
            return new SendResult.Failed("no incident " + id);
        }
        SlackPayload message = SlackPayload.of(root.render(incident.get(), status.current(), incidents.timeline(id),
                approvals.ofIncident(id), sinksReached(), unreadablePages()));
        return target.edit() ? slack.update(target.channel(), target.threadTs().orElseThrow(), message)
                : slack.post(target.channel(), Optional.empty(), message, markOf(row));
    }

    /**
     * Whether the last flag change reached each push sink, for the root's one line (docs/flags.md, "Which apps
     * obey"). The flag dispatcher asks for a root refresh whenever a sink's row settles, so the line follows.
     */
    private List<SinkReach> sinksReached() {
        List<SinkReach> reached = new java.util.ArrayList<>();
        for (Sink sink : sinks) {
            outbox.latest(FLAG_TOPICS, sink.name()).ifPresent(last -> reached.add(new SinkReach(sink.name(),
                    switch (last.state()) {
                        case PENDING -> SinkReach.Reach.PENDING;
                        case FAILED -> SinkReach.Reach.FAILED;
                        case SENT -> sink instanceof Sink.Webhook ? SinkReach.Reach.DELIVERED
                                : sink instanceof Sink.FlagdFile ? SinkReach.Reach.WRITTEN : SinkReach.Reach.VERIFIED;
                    }, last.state() == OutboxQueue.LastEntry.State.SENT ? last.sentAt() : Optional.empty())));
        }
        return reached;
    }

    /** Where possible, on-call learns in the incident's thread that a post could not be delivered. */
    private void noteInThread(OutboxEntry row, Optional<IncidentId> incident, String error, Instant now) {
        if (incident.isEmpty() || kindOf(row).equals(Optional.of(SlackKind.ROOT_REFRESH))
                || kindOf(row).equals(Optional.of(SlackKind.REPLY))
                || kindOf(row).equals(Optional.of(SlackKind.QUESTION))
                || kindOf(row).equals(Optional.of(SlackKind.QUESTION_SETTLED))
                || kindOf(row).equals(Optional.of(SlackKind.APPROVAL))
                || kindOf(row).equals(Optional.of(SlackKind.APPROVAL_SETTLED))) {
            return; // the thread itself is what failed
        }
        SlackPayload note = SlackPayload.of(SlackMessage.plain(words.get(WordKey.REPLY_UNDELIVERABLE,
                row.destination(), SlackText.escape(error, Limits.SECTION_TEXT / 2))));
        notes.post(new OutboxDraft(SlackKind.REPLY, settings.incidentChannel(),
                Once.perFacts("undeliverable", Long.toString(row.id())), note.toJson(), incident));
    }

    /** @return whether the row is finished */
    private boolean settle(OutboxEntry row, Optional<IncidentId> incident, SendResult result, Target target) {
        Instant now = clock.instant();
        if (result instanceof SendResult.Delivered delivered) {
            if (kindOf(row).equals(Optional.of(SlackKind.ROOT_REFRESH)) && !target.edit()) {
                threads.remember(incident.orElseThrow(), delivered.channel(), delivered.ts());
            }
            if (kindOf(row).equals(Optional.of(SlackKind.QUESTION))) {
                questions.posted(row, delivered.channel(), delivered.ts(), slack);
            }
            if (kindOf(row).equals(Optional.of(SlackKind.APPROVAL))) {
                approvals.posted(row, delivered.channel(), delivered.ts());
            }
            outbox.sent(row, List.of(new AuditRecord(now, Actor.system("outbox"),
                    AuditAction.delivered(row.topic()), AuditSubject.slack(delivered.channel() + "/" + delivered.ts()),
                    Optional.empty(), Optional.empty(),
                    Optional.empty(), incident)));
            return true;
        }
        if (result instanceof SendResult.Unknown unknown) {
            return unknown(row, target, unknown.error(), now);
        }
        if (result instanceof SendResult.Retry retry) {
            Duration wait = retry.after().orElseGet(() -> Backoff.after(row.attempts()));
            outbox.retry(row, now.plus(wait), retry.error());
            return false;
        }
        String error = ((SendResult.Failed) result).error();
        LOG.warn("outbox row {} ({} to {}) failed for good: {}", row.id(), row.topic(), row.destination(), error);
        outbox.failed(row, error, new AuditRecord(now, Actor.system("outbox"),
                AuditAction.deliveryFailed(row.topic()), AuditSubject.slack(row.destination()), Optional.empty(), Optional.empty(), Optional.of(error), incident));
        noteInThread(row, incident, error, now);
        return true;
    }

    /** The call got no answer: Slack may have done it. */
    private boolean unknown(OutboxEntry row, Target target, String error, Instant now) {
        if (target.edit()) { // an edit made twice shows the same message: simply again
            outbox.retry(row, now.plus(Backoff.after(row.attempts())), error);
            return false;
        }
        if (guarantee.canLookUp(target.channel())) {
            // Waiting a lease lets a call Slack is still working on finish, so the lookup sees its post.
            LOG.info("outbox row {} ({} to {}) got no answer from Slack ({}); its post is looked up in the channel's "
                    + "history in {}s before it is posted again", row.id(), row.topic(), target.channel(), error,
                    delivery.lease().toSeconds());
            outbox.unknown(row, now.plus(delivery.lease()), error);
        } else {
            LOG.warn("outbox row {} ({} to {}) got no answer from Slack ({}); Slack may have posted it, and Detour "
                    + "cannot look in the history of {}, so it waits {}s (detour.slack.unconfirmed-wait) before "
                    + "posting it again", row.id(), row.topic(), target.channel(), error, target.channel(),
                    delivery.unconfirmedWait().toSeconds());
            outbox.unknown(row, now.plus(delivery.unconfirmedWait()), error);
        }
        return false;
    }

}
