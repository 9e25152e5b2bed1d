package dev.detour.notifications.slack;

import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.SlackSettings;
import dev.detour.incidents.event.DetourEvent;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.incident.TimelineDetail;
import dev.detour.incidents.incident.TimelineEntry;
import dev.detour.incidents.outbox.OutboxDraft;
import dev.detour.incidents.outbox.OutboxRule;
import dev.detour.incidents.routing.RouteState;
import dev.detour.incidents.service.DetourStatus;
import dev.detour.incidents.service.IncidentReports;
import dev.detour.incidents.service.IncidentService;
import dev.detour.incidents.service.StatusService;
import dev.detour.messages.ManagerSummary;
import dev.detour.messages.Names;
import dev.detour.messages.SlackMessage;
import dev.detour.messages.SupportPost;
import dev.detour.messages.Wording;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What support staff and managers get: a support post when users are affected and whenever fallback state
 * changes, an update when on-call posts one, the all-clear when normal routing resumes, and the manager summary
 * when an incident resolves. Rendered in the change's transaction, from its view of the state.
 */
@Singleton
public class SupportOutboxRule implements OutboxRule {
    public static final String SUPPORT = "slack.support";
    public static final String SUMMARY = "slack.summary";

    private final SlackSettings slack;
    // Providers: the services need the outbox, which needs this rule.
    private final Provider<StatusService> status;
    private final Provider<IncidentService> incidents;
    private final Provider<IncidentReports> reports;
    private final SupportPost support;
    private final ManagerSummary summary;
    private final Duration updateEvery;

    public SupportOutboxRule(SlackSettings slack, Catalog catalog, Provider<StatusService> status,
                             Provider<IncidentService> incidents, Provider<IncidentReports> reports,
                             @Property(name = "detour.support.update-every", defaultValue = "30m") Duration updateEvery) {
        this.slack = slack;
        this.status = status;
        this.incidents = incidents;
        this.reports = reports;
        Names names = new Names(catalog);
        this.support = new SupportPost(names, Wording.english());
        this.summary = new ManagerSummary(names, Wording.english());
        this.updateEvery = updateEvery;
    }

    @Override
    public List<OutboxDraft> draftsFor(DetourEvent event) {
        Optional<IncidentId> id = event.incident();
        if (id.isEmpty()) {
            return List.of();
        }
        List<OutboxDraft> drafts = new ArrayList<>();
        if (event instanceof DetourEvent.RouteChanged route) {
            DetourStatus now = status.get().current();
            Optional<Incident> incident = incidents.get().find(id.get());
            if (incident.isPresent() && now.usersAffected()) {
                drafts.add(post(SUPPORT, slack.supportChannel(),
                        SupportPostKind.STATUS.idempotencyKey(id.get(), event.at()),
                        support.affected(incident.get(), now, Optional.empty(), event.at().plus(updateEvery)), id));
            } else if (incident.isPresent() && route.after().state() == RouteState.PRIMARY
                    && route.before().map(before -> before.state() != RouteState.PRIMARY).orElse(false)) {
                drafts.add(post(SUPPORT, slack.supportChannel(),
                        SupportPostKind.ALL_CLEAR.idempotencyKey(id.get(), event.at()),
                        support.allClear(incident.get(), event.at()), id));
            }
        } else if (event instanceof DetourEvent.IncidentChanged changed) {
            for (TimelineEntry entry : changed.entries()) {
                if (entry.detail() instanceof TimelineDetail.Update update) {
                    DetourStatus now = status.get().current();
                    drafts.add(post(SUPPORT, slack.supportChannel(),
                            // Two updates in one millisecond are two posts; the same one twice is one.
                            SupportPostKind.UPDATE.idempotencyKey(id.get(), entry.at()) + ":"
                                    + update.text().hashCode(),
                            support.affected(changed.current(), now, Optional.of(update.text()),
                                    entry.at().plus(updateEvery)), id));
                } else if (entry.type() == TimelineEntry.Type.RESOLVED) {
                    reports.get().of(id.get()).ifPresent(report -> drafts.add(post(SUMMARY, slack.summaryChannel(),
                            "summary:" + id.get(), summary.render(report), id)));
                }
            }
        }
        return drafts;
    }

    private static OutboxDraft post(String topic, String channel, String key, SlackMessage message,
                                    Optional<IncidentId> incident) {
        return new OutboxDraft(topic, channel, key, SlackPayload.of(message).toJson(), incident);
    }
}
