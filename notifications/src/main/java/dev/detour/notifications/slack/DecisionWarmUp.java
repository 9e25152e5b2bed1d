package dev.detour.notifications.slack;

import dev.detour.incidents.application.ChangePreviews;
import dev.detour.incidents.application.IncidentService;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.Model;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.event.DetourEvent;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.incident.IncidentKind;
import dev.detour.incidents.incident.IncidentState;
import dev.detour.incidents.incident.TimelineDetail;
import dev.detour.incidents.incident.TimelineEntry;
import dev.detour.incidents.outbox.OutboxDraft;
import dev.detour.incidents.preview.Preview;
import dev.detour.incidents.preview.PreviewOutcome;
import dev.detour.incidents.preview.ProposedChange;
import dev.detour.incidents.queries.CurrentFlags;
import dev.detour.incidents.readmodel.DetourStatus;
import dev.detour.incidents.signals.GatewayMonitor;
import dev.detour.incidents.signals.Signal;
import dev.detour.incidents.signals.SignalEvidence;
import dev.detour.messages.Names;
import dev.detour.messages.SupportPost;
import dev.detour.messages.Wording;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.Async;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Once the server listens, goes once through the parts of a gateway switch-off that only read or render, for the catalog's
 * first model: its preview and the open incident about it (read-only transactions), then what its change writes
 * to the outbox (the decision reply in Block Kit, written by the Slack SDK's serializer, the question changes and
 * a support post over the committed status) for a made-up incident, thrown away. The first real decision's
 * transaction then no longer pays for loading and first use of that code, which held the flag snapshot's swap,
 * and so the first OFREP change event, for hundreds of milliseconds (docs/flags.md, "Change events"). Nothing is
 * written, sent or published.
 */
@Singleton
public class DecisionWarmUp {
    private static final Logger LOG = LoggerFactory.getLogger(DecisionWarmUp.class);
    /** No real incident has it: the drafts are never written anywhere. */
    static final IncidentId NOBODYS = new IncidentId(1);

    private final SlackOutboxRule replies;
    private final QuestionOutboxRule questions;
    private final SupportPost support;
    private final Provider<CurrentFlags> committed;
    private final Provider<ChangePreviews> previews;
    private final Provider<IncidentService> incidents;
    private final Catalog catalog;
    private final Clock clock;

    public DecisionWarmUp(SlackOutboxRule replies, QuestionOutboxRule questions,
                                Provider<CurrentFlags> committed, Provider<ChangePreviews> previews,
                                Provider<IncidentService> incidents, Catalog catalog, Wording words, Clock clock) {
        this.previews = previews;
        this.incidents = incidents;
        this.replies = replies;
        this.questions = questions;
        this.support = new SupportPost(new Names(catalog), words);
        this.committed = committed;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** After the server listens, on a worker thread: warming up must never lengthen the start. */
    @EventListener
    @Async(TaskExecutors.BLOCKING)
    void onStartup(ServerStartupEvent event) {
        try {
            Optional<Target> first = catalog.models().stream().findFirst().map(model -> Target.model(model.id()));
            if (first.isEmpty()) {
                return;
            }
            incidents.get().openIncidentAbout(List.of(first.get()));
            Optional<Preview> preview = previews.get().preview(new ProposedChange.Disable(List.of(first.get())))
                    instanceof PreviewOutcome.Previewed previewed ? Optional.of(previewed.preview()) : Optional.empty();
            LOG.debug("rendered {} drafts of a made-up switch-off to warm the decision path",
                    render(committed.get().status(), preview, clock.instant()).size());
        } catch (RuntimeException e) {
            LOG.warn("warming the Slack rendering up failed; the first decision renders cold: {}", e.toString());
        }
    }

    /**
     * The drafts a gateway switch-off of the catalog's first model would write for its change, with its preview
     * when there is one (its support post over {@code status} is rendered too, and dropped); none without a model.
     */
    List<OutboxDraft> render(DetourStatus status, Optional<Preview> preview, Instant now) {
        Optional<Model> model = catalog.models().stream().findFirst();
        if (model.isEmpty()) {
            return List.of();
        }
        Target target = Target.model(model.get().id());
        Actor actor = Actor.signal(GatewayMonitor.SOURCE);
        Signal signal = new Signal(GatewayMonitor.SOURCE, List.of(target), true, Signal.Severity.DEGRADED,
                Signal.Side.PROVIDER, new SignalEvidence.GatewayErrors(new SignalEvidence.GatewayNumbers(0.5, 20, 40,
                Duration.ofMinutes(1), 20, 2400), false), now);
        Incident incident = new Incident(NOBODYS, IncidentKind.DEGRADATION, IncidentState.INVESTIGATING,
                model.get().name(), List.of(target), now, actor, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
        List<DetourEvent> change = new ArrayList<>(List.of(
                new DetourEvent.IncidentChanged(now, actor, incident, List.of(new TimelineEntry(now, actor,
                        new TimelineDetail.Opened(incident.kind(), incident.affected(), incident.title())))),
                new DetourEvent.SignalReceived(now, actor, signal, Optional.of(NOBODYS),
                        DetourEvent.SignalReceived.Suggestion.NONE),
                new DetourEvent.AvailabilityChanged(now, actor, target, false, Optional.empty(),
                        Optional.of(NOBODYS))));
        preview.ifPresent(what -> change.add(new DetourEvent.PolicyPreviewed(now, actor, what, Optional.of(NOBODYS))));
        List<OutboxDraft> drafts = new ArrayList<>();
        for (DetourEvent each : change) {
            drafts.addAll(replies.draftsFor(each));
            drafts.addAll(questions.draftsFor(each));
        }
        drafts.addAll(replies.draftsForChange(change));
        drafts.addAll(questions.draftsForChange(change));
        SlackPayload.of(support.affected(incident, status, Optional.empty(), now.plusSeconds(1800)));
        support.affectedWords(incident, status, Optional.empty(), now.plusSeconds(1800));
        return drafts;
    }
}
