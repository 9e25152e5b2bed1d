package dev.detour.notifications.slack;

import dev.detour.incidents.application.IncidentService;
import dev.detour.incidents.application.Outbox;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.SlackSettings;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.incident.IncidentState;
import dev.detour.incidents.incident.TimelineDetail;
import dev.detour.incidents.incident.TimelineEntry;
import dev.detour.incidents.lifecycle.Job;
import dev.detour.incidents.lifecycle.SingleWriter;
import dev.detour.incidents.outbox.Once;
import dev.detour.incidents.outbox.OutboxDraft;
import dev.detour.messages.Names;
import dev.detour.messages.ThreadQuestion;
import dev.detour.messages.Wording;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Suggests resolving, in the incident's thread, an incident that has been in Monitoring for
 * {@code detour.questions.resolve-after} (2 hours unless configured), with a button that opens the resolve form.
 * One suggestion per stay in Monitoring; it loses its button when the incident leaves Monitoring.
 */
@Singleton
public class ResolveSuggestions {
    private static final Logger LOG = LoggerFactory.getLogger(ResolveSuggestions.class);

    private final IncidentService incidents;
    private final Outbox outbox;
    private final SlackSettings slack;
    private final Clock clock;
    private final SingleWriter locks;
    private final Duration resolveAfter;
    private final ThreadQuestion questions;

    public ResolveSuggestions(IncidentService incidents, Outbox outbox, SlackSettings slack, Catalog catalog,
                              Clock clock, SingleWriter locks, QuestionSettings settings, Wording words) {
        this.incidents = incidents;
        this.outbox = outbox;
        this.slack = slack;
        this.clock = clock;
        this.locks = locks;
        this.resolveAfter = settings.resolveAfter();
        this.questions = new ThreadQuestion(new Names(catalog), words);
    }

    @Job("resolve-suggestions")
    @Scheduled(fixedDelay = "${detour.questions.check:1m}", initialDelay = "${detour.questions.check:1m}")
    void check() {
        if (!locks.holds("resolve-suggestions")) {
            return; // another replica suggests
        }
        try {
            suggestDue();
        } catch (RuntimeException e) {
            LOG.warn("could not check for incidents to suggest resolving; trying again on the next check", e);
        }
    }

    /** @return how many incidents are due: each gets its suggestion once per stay in Monitoring, however often asked */
    public int suggestDue() {
        Instant now = clock.instant();
        int suggested = 0;
        for (Incident incident : incidents.openIncidents()) {
            if (incident.state() != IncidentState.MONITORING) {
                continue;
            }
            Optional<Instant> since = monitoringSince(incidents.timeline(incident.id()));
            if (since.isEmpty() || Duration.between(since.get(), now).compareTo(resolveAfter) < 0) {
                continue;
            }
            // One per stay in Monitoring: checking again writes nothing new.
            outbox.post(new OutboxDraft(SlackKind.QUESTION, slack.incidentChannel(),
                    Once.perFacts("resolve-suggestion", incident.id().toString(), since.get().toString()),
                    new QuestionPost(questions.resolveSuggestion(incident.id(), resolveAfter)).toJson(),
                    Optional.of(incident.id())));
            suggested++;
        }
        return suggested;
    }

    private static Optional<Instant> monitoringSince(List<TimelineEntry> timeline) {
        Optional<Instant> since = Optional.empty();
        for (TimelineEntry entry : timeline) {
            if (entry.detail() instanceof TimelineDetail.StateChanged state) {
                since = state.to() == IncidentState.MONITORING ? Optional.of(entry.at()) : Optional.empty();
            }
        }
        return since;
    }
}
