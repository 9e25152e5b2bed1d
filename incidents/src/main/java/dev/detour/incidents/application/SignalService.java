package dev.detour.incidents.application;

import dev.detour.incidents.audit.AuditAction;
import dev.detour.incidents.audit.AuditRecord;
import dev.detour.incidents.audit.AuditSubject;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.Provider;
import dev.detour.incidents.catalog.ProviderId;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.event.DetourEvent.SignalReceived.Suggestion;
import dev.detour.incidents.event.DetourEvent;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.incident.IncidentChange;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.incident.IncidentKind;
import dev.detour.incidents.incident.TextLimits;
import dev.detour.incidents.incident.TimelineDetail;
import dev.detour.incidents.incident.TimelineEntry;
import dev.detour.incidents.ports.AuditTrail;
import dev.detour.incidents.ports.RoutingStore;
import dev.detour.incidents.ports.SignalStates;
import dev.detour.incidents.preview.Preview;
import dev.detour.incidents.preview.PreviewOutcome;
import dev.detour.incidents.preview.ProposedChange;
import dev.detour.incidents.routing.Availability;
import dev.detour.incidents.signals.Signal;
import dev.detour.incidents.signals.SignalEvidence;
import dev.detour.incidents.signals.Transition;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/**
 * Turns a health signal into incident work, in one transaction: a failing signal opens an incident or joins the
 * open one that covers its targets, and is a timeline entry with its source. Whether it also switches the
 * targets off is the provider's {@code auto-disable}; otherwise on-call is asked, with a Disable button. When the
 * signal clears, Detour switches them back on only where {@code auto-enable} says so, and otherwise suggests it.
 * Our-side signals (our own credentials refused) are reported but never switch anything.
 */
@Singleton
public class SignalService {
    private final IncidentService incidents;
    private final AvailabilityService availability;
    private final RoutingStore store;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final Catalog catalog;
    private final InboundEvents inbound;
    private final LastProviderStatusPageReadings statusPages;
    private final SignalStates states;
    private final RampService ramps;
    private final ChangePreviews previews;

    public SignalService(IncidentService incidents, AvailabilityService availability, RoutingStore store,
                         AuditTrail audit, Outbox outbox, Catalog catalog, InboundEvents inbound,
                         LastProviderStatusPageReadings statusPages, SignalStates states, RampService ramps,
                         ChangePreviews previews) {
        this.ramps = ramps;
        this.previews = previews;
        this.inbound = inbound;
        this.statusPages = statusPages;
        this.states = states;
        this.incidents = incidents;
        this.availability = availability;
        this.store = store;
        this.audit = audit;
        this.outbox = outbox;
        this.catalog = catalog;
    }

    /**
     * A signal its sender may deliver more than once (Alertmanager repeats a notification it thinks was lost):
     * recorded the first time {@code source:deliveryId} is seen. The delivery is remembered in the same
     * transaction as the signal's effects, so both commit or neither does: a delivery that failed is recorded when
     * it comes again, never taken for a repeat.
     *
     * @return whether it was recorded now; false when it was recorded before
     */
    @Transactional
    public boolean receiveOnce(String source, String deliveryId, Signal signal) {
        if (!inbound.firstTime(source, deliveryId)) {
            return false;
        }
        receive(signal);
        return true;
    }

    /**
     * A signal from a source that reports states (the gateway, a status page): recorded only when the database
     * agrees that {@code transition} changes what was last announced about its subject, in the same transaction as
     * the signal's effects. Two replicas that see one change (both judging the shared gateway counts, or one
     * polling a page while the other gets its webhook) record it once; a replica that announces a state again
     * after a restart or a poller's move records nothing. The first state ever seen of a subject is announced.
     *
     * @return whether it was recorded now; false when that state was already announced
     */
    @Transactional
    public boolean receiveTransition(Transition transition, Signal signal) {
        boolean changed = states.change(transition.subject(), transition.state(), signal.at()) == 1
                || states.first(transition.subject(), transition.state(), signal.at()) == 1;
        if (changed) {
            receive(signal);
        }
        return changed;
    }

    /**
     * Transitions seen together (one evaluation of the gateway's windows), recorded in one transaction: one change,
     * so the incident's thread tells them as one burst. Each is recorded as {@link #receiveTransition} records it.
     *
     * @return how many of them were recorded now
     */
    @Transactional
    public int receiveTransitions(List<Signal> signals) {
        int recorded = 0;
        for (Signal signal : signals) {
            if (receiveTransition(Transition.of(signal), signal)) {
                recorded++;
            }
        }
        return recorded;
    }

    /** @return the incident the signal went to, if any (a cleared signal without an open incident has none) */
    @Transactional
    public Optional<IncidentId> receive(Signal signal) {
        Actor actor = Actor.signal(signal.source());
        Optional<IncidentId> incident = signal.firing() ? Optional.of(openOrJoin(signal, actor))
                : incidents.openIncidentAbout(signal.targets()).map(Incident::id);
        audit.append(new AuditRecord(signal.at(), actor, AuditAction.signal(signal.firing()),
                AuditSubject.targets(signal.targets()), Optional.empty(), Optional.of(dev.detour.incidents.catalog.EnumWords.of(signal.side())),
                Optional.of(signal.evidence().data()), incident));
        incident.ifPresent(id -> incidents.note(id, new TimelineEntry(signal.at(), actor, detail(signal))));
        Suggestion suggestion = signal.side().mayDisable() ? act(signal, actor, incident) : Suggestion.NONE;
        if (signal.firing() && signal.side().mayDisable()) {
            ramps.signalled(signal.targets(), signal.source()); // a target failing again mid-ramp rolls back
        }
        if (incident.isPresent()) {
            outbox.enqueue(List.of(new DetourEvent.SignalReceived(signal.at(), actor, signal, incident,
                    suggestion)));
        }
        return incident;
    }

    /**
     * An update of a status-page incident (its name, impact, status and text), recorded on the open incident
     * about that provider, once per update and incident. Without an open incident it is not recorded here: the
     * page's last reading gives it to the incident that opens later ({@link #attachStatusPage}).
     *
     * @return whether it was recorded
     */
    @Transactional
    public boolean statusPageUpdate(ProviderId provider, StatusPageUpdate update) {
        Optional<Incident> incident = incidents.openIncidentAbout(List.of(Target.provider(provider)));
        return incident.isPresent() && attach(incident.get().id(), provider, update);
    }

    /**
     * An incident that now covers a provider starts with what that provider's status page already says: the
     * page answers 304 while nothing changes, so its open incidents would otherwise never reach this incident.
     */
    @EventListener
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void attachStatusPage(IncidentCoversProviders coverage) {
        for (ProviderId provider : coverage.providers()) {
            for (StatusPageUpdate update : statusPages.openIncidentUpdates(provider)) {
                attach(coverage.incident(), provider, update);
            }
        }
    }

    /** Records one page update on one incident, unless that incident has it already (a poll and a webhook). */
    private boolean attach(IncidentId incident, ProviderId provider, StatusPageUpdate update) {
        if (!inbound.firstTime("statuspage-update:" + provider + ":" + incident, update.updateId())) {
            return false;
        }
        Actor actor = Actor.signal(Signal.STATUSPAGE_PREFIX + provider);
        SignalEvidence evidence = new SignalEvidence.ProviderIncident(TextLimits.clip(update.name(), TextLimits.TITLE),
                TextLimits.clip(update.impact(), TextLimits.TITLE), TextLimits.clip(update.status(), TextLimits.TITLE),
                TextLimits.clip(update.body(), TextLimits.TEXT));
        incidents.note(incident, new TimelineEntry(update.at(), actor,
                new TimelineDetail.StatusPageIncident(update.name(), update.impact(), update.status(), update.body())));
        audit.append(new AuditRecord(update.at(), actor, AuditAction.STATUS_PAGE_INCIDENT,
                AuditSubject.target(Target.provider(provider)),
                Optional.empty(), Optional.of(update.status()), Optional.of(evidence.data()), Optional.of(incident)));
        Signal signal = new Signal(actor.id(), List.of(Target.provider(provider)), true, Signal.Severity.DEGRADED,
                Signal.Side.PROVIDER, evidence, update.at());
        outbox.enqueue(List.of(new DetourEvent.SignalReceived(update.at(), actor, signal, Optional.of(incident),
                Suggestion.NONE)));
        return true;
    }

    /** One update of a Statuspage incident, as the page or its webhook gives it. */
    public record StatusPageUpdate(String updateId, String name, String impact, String status, String body,
                                   java.time.Instant at) {
    }

    /** An incident a signal opens has no title of its own: messages name it by kind and targets. */
    private IncidentId openOrJoin(Signal signal, Actor actor) {
        IncidentChange change = incidents.openOrJoin(kindOf(signal.severity()), "", signal.targets(), actor);
        if (change instanceof IncidentChange.Applied applied) {
            return applied.incident().id();
        }
        throw new IllegalStateException("a signal could not open or join an incident: "
                + ((IncidentChange.Rejected) change).refusal());
    }

    /** Switches targets off or on where the provider's policy says so; otherwise says what to suggest. */
    private Suggestion act(Signal signal, Actor actor, Optional<IncidentId> incident) {
        Availability current = store.availability();
        // A target coming back through a ramp is off, but not to be offered Enable again (docs/recovery.md).
        List<Target> toChange = signal.targets().stream()
                .filter(target -> isAvailable(current, target) == signal.firing())
                .filter(target -> signal.firing() || !ramps.ramping(target)).toList();
        // A target that recovered while its provider is switched off is on but serves nothing: suggest switching
        // the provider back on (never done automatically: a provider off is a person's or a policy's decision).
        boolean providerOff = !signal.firing() && signal.targets().stream()
                .anyMatch(target -> !current.isAvailable(catalog.providerOf(target)));
        Suggestion otherwise = providerOff ? Suggestion.ENABLE : Suggestion.NONE;
        if (toChange.isEmpty()) {
            return otherwise;
        }
        List<Target> automatic = toChange.stream().filter(target -> provider(target)
                .map(p -> signal.firing() ? p.autoDisable() : p.autoEnable()).orElse(false)).toList();
        if (!automatic.isEmpty() && signal.firing()) {
            // A policy's switch-off is not held by the two-person rule; the thread is told what it did, as its
            // preview said just before (docs/routing.md, "Two-person rule").
            Optional<Preview> preview = previewed(previews.preview(new ProposedChange.Disable(automatic)));
            // No reason in words: the signal's own entry, written just before, says what it saw.
            availability.set(automatic, false, actor, Optional.empty(), incident);
            preview.ifPresent(what -> outbox.enqueue(List.of(new DetourEvent.PolicyPreviewed(signal.at(), actor,
                    what, incident))));
        } else if (!automatic.isEmpty()) {
            ramps.enable(automatic, actor, Optional.empty(), false); // a staged target starts a ramp
        }
        if (automatic.size() == toChange.size()) {
            return otherwise;
        }
        return signal.firing() ? Suggestion.DISABLE : Suggestion.ENABLE;
    }

    private static Optional<Preview> previewed(PreviewOutcome outcome) {
        return outcome instanceof PreviewOutcome.Previewed previewed && !previewed.preview().changesNothing()
                ? Optional.of(previewed.preview()) : Optional.empty();
    }

    private static IncidentKind kindOf(Signal.Severity severity) {
        return severity == Signal.Severity.DOWN ? IncidentKind.OUTAGE : IncidentKind.DEGRADATION;
    }

    private boolean isAvailable(Availability current, Target target) {
        return target.fold(current::isAvailable, current::isAvailable);
    }

    private Optional<Provider> provider(Target target) {
        return catalog.provider(catalog.providerOf(target));
    }

    private static TimelineDetail detail(Signal signal) {
        TimelineDetail.Signalled.Side side = switch (signal.side()) {
            case PROVIDER -> TimelineDetail.Signalled.Side.PROVIDER;
            case CAPACITY -> TimelineDetail.Signalled.Side.CAPACITY;
            case OUR_SIDE -> TimelineDetail.Signalled.Side.OUR_SIDE;
        };
        return new TimelineDetail.Signalled(signal.source(), signal.firing(), signal.targets(), signal.evidence(), side);
    }
}
