package dev.detour.notifications.slack;

import dev.detour.incidents.application.IncidentService;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.SlackSettings;
import dev.detour.incidents.event.DetourEvent;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.incident.TimelineDetail;
import dev.detour.incidents.incident.TimelineEntry;
import dev.detour.incidents.outbox.Once;
import dev.detour.incidents.outbox.OutboxDraft;
import dev.detour.incidents.outbox.OutboxRule;
import dev.detour.incidents.ports.SupportPosts;
import dev.detour.incidents.queries.IncidentReports;
import dev.detour.incidents.queries.StatusService;
import dev.detour.incidents.readmodel.DetourStatus;
import dev.detour.incidents.routing.RouteState;
import dev.detour.incidents.support.SupportPostDraft;
import dev.detour.incidents.support.SupportPostKind;
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
import java.util.Optional;

/**
 * What support staff and managers get: a support post when users are affected and whenever fallback state
 * changes, an update when on-call posts one with a part for customers, the all-clear when normal routing resumes,
 * and the manager summary when an incident resolves. Rendered in the change's transaction, from its view of the state.
 */
@Singleton
public class SupportOutboxRule implements OutboxRule {
    /** How many earlier posts are counted for a post's number; an incident has far fewer. */
    private static final int NUMBERED = 10_000;
    private final SlackSettings slack;
    // Providers: the services need the outbox, which needs this rule.
    private final Provider<StatusService> status;
    private final Provider<IncidentService> incidents;
    private final Provider<IncidentReports> reports;
    private final Provider<SupportPosts> posts;
    private final SupportPost support;
    private final ManagerSummary summary;
    private final Duration updateEvery;

    public SupportOutboxRule(SlackSettings slack, Catalog catalog, Provider<StatusService> status,
                             Provider<IncidentService> incidents, Provider<IncidentReports> reports,
                             Provider<SupportPosts> posts, SupportSettings settings, Wording words) {
        this.posts = posts;
        this.slack = slack;
        this.status = status;
        this.incidents = incidents;
        this.reports = reports;
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
     * The posts for support staff an event makes (status, update, all-clear): the customer updates, which
     * subscribers also receive ({@code SlackSubscriberOutboxRule}, {@code EmailOutboxRule}) with the same
     * {@link Once}, each to its own destination.
     */
    public List<OutboxDraft> customerUpdates(DetourEvent event) {
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
                drafts.add(supportPost(Once.perChange(id.get().toString(), SupportPostKind.STATUS.word()),
                        support.affected(incident.get(), now, Optional.empty(), event.at().plus(updateEvery),
                                number),
                        support.affectedWords(incident.get(), now, Optional.empty(), event.at().plus(updateEvery),
                                number),
                        id));
            } else if (incident.isPresent() && route.after().state() == RouteState.PRIMARY
                    && route.before().map(before -> before.state() != RouteState.PRIMARY).orElse(false)) {
                drafts.add(supportPost(Once.perChange(id.get().toString(), SupportPostKind.ALL_CLEAR.word()),
                        support.allClear(incident.get(), event.at()),
                        support.allClearWords(incident.get(), event.at()), id));
            }
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
                    drafts.add(supportPost(Once.perEvent(i),
                            support.affected(changed.current(), now, forCustomers, next, number),
                            support.affectedWords(changed.current(), now, forCustomers, next, number), id));
                }
            }
        }
        return drafts;
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
