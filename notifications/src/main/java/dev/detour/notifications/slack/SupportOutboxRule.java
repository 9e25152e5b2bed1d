package dev.detour.notifications.slack;

import dev.detour.incidents.application.IncidentService;
import dev.detour.incidents.application.MaintenanceService;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.SlackSettings;
import dev.detour.incidents.catalog.TaskClassId;
import dev.detour.incidents.event.DetourEvent;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.incident.IncidentKind;
import dev.detour.incidents.incident.TimelineDetail;
import dev.detour.incidents.incident.TimelineEntry;
import dev.detour.incidents.outbox.Once;
import dev.detour.incidents.recovery.RampMove;
import dev.detour.incidents.outbox.OutboxDraft;
import dev.detour.incidents.outbox.OutboxRule;
import dev.detour.incidents.ports.SupportPosts;
import dev.detour.incidents.queries.IncidentReports;
import dev.detour.incidents.queries.StatusService;
import dev.detour.incidents.readmodel.DetourStatus;
import dev.detour.incidents.readmodel.IncidentPicture;
import dev.detour.incidents.routing.RouteReason;
import dev.detour.incidents.routing.RouteState;
import dev.detour.incidents.support.FeatureState;
import dev.detour.incidents.support.SupportPostDraft;
import dev.detour.incidents.support.SupportPostKind;
import dev.detour.incidents.support.SupportPostRecord;
import dev.detour.messages.ManagerSummary;
import dev.detour.messages.Names;
import dev.detour.messages.SlackMessage;
import dev.detour.messages.SupportPost;
import dev.detour.messages.Wording;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What support staff and managers get: a support post when users are affected and whenever fallback state
 * changes (saying what changed since the previous one), an update when on-call posts one with a part for customers,
 * the all-clear when normal routing resumes, the resolution in customer words and the manager summary when an
 * incident resolves. Posts name the kind that follows reality ({@link IncidentPicture}), not the kind as opened. Rendered in the change's transaction, from its view of the state.
 */
@Singleton
public class SupportOutboxRule implements OutboxRule {
    /** How many earlier posts are counted for a post's number; an incident has far fewer. */
    private static final int NUMBERED = 10_000;
    private final SlackSettings slack;
    private final Catalog catalog;
    // Providers: the services need the outbox, which needs this rule.
    private final Provider<StatusService> status;
    private final Provider<IncidentService> incidents;
    private final Provider<IncidentReports> reports;
    private final Provider<MaintenanceService> maintenance;
    private final Provider<SupportPosts> posts;
    private final SupportPost support;
    private final ManagerSummary summary;
    private final Duration updateEvery;

    public SupportOutboxRule(SlackSettings slack, Catalog catalog, Provider<StatusService> status,
                             Provider<IncidentService> incidents, Provider<IncidentReports> reports,
                             Provider<SupportPosts> posts, Provider<MaintenanceService> maintenance,
                             SupportSettings settings, Wording words) {
        this.maintenance = maintenance;
        this.posts = posts;
        this.slack = slack;
        this.status = status;
        this.incidents = incidents;
        this.reports = reports;
        this.catalog = catalog;
        Names names = new Names(catalog);
        this.support = new SupportPost(names, words);
        this.summary = new ManagerSummary(names, words);
        this.updateEvery = settings.updateEvery();
    }

    @Override
    public List<OutboxDraft> draftsFor(DetourEvent event) {
        List<OutboxDraft> drafts = new ArrayList<>(customerUpdates(event));
        Optional<IncidentId> id = event.incident();
        if (id.isPresent() && event instanceof DetourEvent.IncidentChanged changed) {
            for (int i = 0; i < changed.entries().size(); i++) {
                if (changed.entries().get(i).type() == TimelineEntry.Type.RESOLVED) {
                    int item = i;
                    reports.get().of(id.get()).ifPresent(report -> drafts.add(new OutboxDraft(SlackKind.SUMMARY,
                            slack.summaryChannel(), Once.perEvent(item), SlackPayload.of(summary.render(report))
                            .toJson(), id)));
                }
            }
        }
        return drafts;
    }

    /**
     * The posts for support staff an event makes (status, update, all-clear, resolution): the customer updates,
     * which the outbox hands on to the copy rules for subscribers ({@code SlackSubscriberOutboxRule},
     * {@code EmailOutboxRule}), each copy with the same {@link Once} to its own destination.
     */
    private List<OutboxDraft> customerUpdates(DetourEvent event) {
        Optional<IncidentId> id = event.incident();
        if (id.isEmpty()) {
            return List.of();
        }
        List<OutboxDraft> drafts = new ArrayList<>();
        if (event instanceof DetourEvent.RouteChanged route) {
            DetourStatus now = status.get().current();
            Optional<Incident> incident = incidents.get().find(id.get());
            // One post per change: a change that moves three task classes is one post about all of them.
            if (incident.isPresent() && now.usersAffected()) {
                int number = number(id.get(), drafts);
                IncidentKind shown = shownKind(incident.get(), now);
                Map<TaskClassId, FeatureState> previous = previous(id.get(), drafts);
                Instant next = event.at().plus(updateEvery);
                // The planned end travels as data on the switch-off's reason (docs/maintenance.md), never parsed back;
                // a later route change of the same incident finds it on the window.
                Optional<Instant> plannedEnd = route.reason()
                        .filter(RouteReason.PlannedMaintenance.class::isInstance)
                        .map(reason -> ((RouteReason.PlannedMaintenance) reason).until())
                        .or(() -> plannedEnd(incident.get(), shown));
                drafts.add(supportPost(Once.perChange(id.get().toString(), SupportPostKind.STATUS.word()),
                        support.affected(incident.get(), shown, now, Optional.empty(), next, number, previous,
                                plannedEnd),
                        support.affectedWords(incident.get(), shown, now, Optional.empty(), next, number, previous,
                                plannedEnd),
                        id));
            } else if (incident.isPresent() && route.after().state() == RouteState.PRIMARY
                    && route.before().map(before -> before.state() != RouteState.PRIMARY).orElse(false)
                    && now.ramps().isEmpty()) {
                // The all-clear waits until every ramp has finished (docs/recovery.md).
                IncidentKind shown = shownKind(incident.get(), now);
                drafts.add(supportPost(Once.perChange(id.get().toString(), SupportPostKind.ALL_CLEAR.word()),
                        support.allClear(incident.get(), shown, event.at()),
                        support.allClearWords(incident.get(), shown, event.at(), now), id));
            }
        } else if (event instanceof DetourEvent.RampMoved ramp) {
            rampPost(id.get(), ramp).ifPresent(drafts::add);
        } else if (event instanceof DetourEvent.IncidentChanged changed) {
            for (int i = 0; i < changed.entries().size(); i++) {
                TimelineEntry entry = changed.entries().get(i);
                // Only the part a person wrote for customers leaves the incident; an internal update stays in the thread.
                Optional<String> forCustomers = entry.detail() instanceof TimelineDetail.Update update
                        ? update.text().customerPart() : Optional.empty();
                if (forCustomers.isPresent()) {
                    DetourStatus now = status.get().current();
                    Instant next = entry.at().plus(updateEvery);
                    int number = number(id.get(), drafts);
                    IncidentKind shown = shownKind(changed.current(), now);
                    Map<TaskClassId, FeatureState> previous = previous(id.get(), drafts);
                    Optional<Instant> plannedEnd = plannedEnd(changed.current(), shown);
                    drafts.add(supportPost(Once.perEvent(i),
                            support.affected(changed.current(), shown, now, forCustomers, next, number, previous,
                                    plannedEnd),
                            support.affectedWords(changed.current(), shown, now, forCustomers, next, number,
                                    previous, plannedEnd), id));
                }
                // Support hears of the resolution of an incident it was told about, or when on-call wrote to customers.
                if (entry.detail() instanceof TimelineDetail.Resolved resolved
                        && (resolved.forCustomers().isPresent() || !drafts.isEmpty()
                        || !posts.get().ofIncident(id.get(), 1).isEmpty())) {
                    drafts.add(resolution(changed.current(), resolved, entry.at(), i));
                }
            }
        }
        return drafts;
    }

    /**
     * A status post when a ramp changed what customers notice: a feature starts moving back to its usual model
     * gradually, or stops doing so (rolled back, aborted); nothing when no feature changed since the last post.
     * The last ramp to end, with every feature back already, brings the all-clear it held back.
     */
    private Optional<OutboxDraft> rampPost(IncidentId id, DetourEvent.RampMoved ramp) {
        DetourStatus now = status.get().current();
        Optional<Incident> incident = incidents.get().find(id);
        Instant at = ramp.at();
        boolean ended = ramp.move() instanceof RampMove.Completed || ramp.move() instanceof RampMove.Aborted;
        if (incident.isPresent() && ended && !now.usersAffected() && now.ramps().isEmpty() && allClearHeldBack(id)) {
            IncidentKind shown = shownKind(incident.get(), now);
            return Optional.of(supportPost(Once.perChange(id.toString(), SupportPostKind.ALL_CLEAR.word()),
                    support.allClear(incident.get(), shown, at), support.allClearWords(incident.get(), shown, at, now),
                    Optional.of(id)));
        }
        // A completed ramp switches the target on right after: its route changes make the post.
        if (incident.isEmpty() || !now.usersAffected() || ramp.move() instanceof RampMove.Completed) {
            return Optional.empty();
        }
        Map<TaskClassId, FeatureState> previous = previous(id, List.of());
        Map<TaskClassId, FeatureState> announced = SupportPost.announced(now);
        boolean changed = announced.entrySet().stream().anyMatch(feature -> Optional.ofNullable(previous.get(
                feature.getKey())).map(before -> feature.getValue().differsFrom(before)).orElse(false));
        if (!changed) {
            return Optional.empty();
        }
        int number = number(id, List.of());
        IncidentKind shown = shownKind(incident.get(), now);
        Instant next = at.plus(updateEvery);
        Optional<Instant> plannedEnd = plannedEnd(incident.get(), shown);
        return Optional.of(supportPost(Once.perEvent(), support.affected(incident.get(), shown, now,
                Optional.empty(), next, number, previous, plannedEnd), support.affectedWords(incident.get(), shown,
                now, Optional.empty(), next, number, previous, plannedEnd), Optional.of(id)));
    }

    /**
     * The planned end of the maintenance behind a post that shows planned work, from its window (data, put into
     * words by {@link SupportPost}); every post of the incident says it, not only the first (docs/maintenance.md).
     */
    private Optional<Instant> plannedEnd(Incident incident, IncidentKind shown) {
        return shown == IncidentKind.MAINTENANCE ? maintenance.get().plannedEnd(incident.id()) : Optional.empty();
    }

    /** Support was told of the incident and its latest post is a status or an update: no all-clear came yet. */
    private boolean allClearHeldBack(IncidentId incident) {
        return posts.get().ofIncident(incident, 1).stream().findFirst().map(post -> post.kind() == SupportPostKind.STATUS
                || post.kind() == SupportPostKind.UPDATE).orElse(false);
    }

    /**
     * The post that tells support the incident is over: since when users are served normally (the all-clear's time
     * when there was one, else the resolution's), and the resolution's part for customers. While a feature is
     * still off its usual model it says so instead; the all-clear follows when it is back (docs/status.md).
     */
    private OutboxDraft resolution(Incident incident, TimelineDetail.Resolved resolved, Instant at, int entry) {
        DetourStatus now = status.get().current();
        IncidentKind shown = shownKind(incident, now);
        Optional<Instant> servedSince = now.usersAffected() || !now.ramps().isEmpty() ? Optional.empty()
                : Optional.of(lastAllClear(incident.id()).orElse(at));
        return supportPost(Once.perEvent(entry),
                support.resolved(incident, shown, servedSince, resolved.forCustomers()),
                support.resolvedWords(incident, shown, servedSince, resolved.forCustomers()), Optional.of(
                        incident.id()));
    }

    /**
     * When support was last told every feature is back, if no status post (users affected again) came after it;
     * on-call's updates in between do not change that.
     */
    private Optional<Instant> lastAllClear(IncidentId incident) {
        for (SupportPostRecord post : posts.get().ofIncident(incident, NUMBERED)) {
            if (post.kind() == SupportPostKind.ALL_CLEAR) {
                return Optional.of(post.at());
            }
            if (post.kind() == SupportPostKind.STATUS) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The kind that follows reality (a paused feature makes it an outage), as the root message shows it. */
    private IncidentKind shownKind(Incident incident, DetourStatus now) {
        return IncidentPicture.of(incident, now, incidents.get().timeline(incident.id()), catalog).kind();
    }

    /**
     * What the previous post announced per feature: one this event already drafted, else the newest post written;
     * empty before the first (no "since the last update" line then).
     */
    private Map<TaskClassId, FeatureState> previous(IncidentId incident, List<OutboxDraft> drafted) {
        for (int i = drafted.size() - 1; i >= 0; i--) {
            Optional<SupportPostDraft> post = drafted.get(i).supportPost();
            if (post.isPresent()) {
                return post.get().features();
            }
        }
        return posts.get().ofIncident(incident, 1).stream().findFirst().map(SupportPostRecord::features)
                .orElse(Map.of());
    }

    /** Each post after the first is numbered ("Update 3"): the posts so far, then those this event makes. */
    private int number(IncidentId incident, List<OutboxDraft> drafted) {
        return posts.get().ofIncident(incident, NUMBERED).size() + drafted.size() + 1;
    }

    /** The post for Slack, and the same post as data for readers outside Slack, written together. */
    private OutboxDraft supportPost(Once once, SlackMessage message, SupportPostDraft words,
                                    Optional<IncidentId> incident) {
        return new OutboxDraft(SlackKind.SUPPORT_POST, slack.supportChannel(), once,
                SlackPayload.of(message).toJson(), incident, Optional.of(words));
    }
}
