package dev.detour.incidents.readmodel;

import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.ProviderId;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.incident.IncidentKind;
import dev.detour.incidents.incident.TimelineDetail;
import dev.detour.incidents.incident.TimelineEntry;
import dev.detour.incidents.routing.RouteState;
import dev.detour.incidents.signals.SignalEvidence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What is true about one incident now, folded from the incident, Detour's status and the incident's timeline: the
 * state of each provider and model it covers (on and healthy, failing but on, off and by whom, off because its
 * provider is off), the features (task classes) it keeps off their usual model, and the kind that follows from that.
 * Renderers read it; nothing here is words.
 *
 * @param targets  each provider and model the incident covers, in the incident's order, with its state
 * @param affected the features (task classes) that use a model the incident covers and are off their usual model
 * @param paused   those of {@code affected} that serve nothing now
 * @param kind     the kind set by on-call, or else the one that follows from what users notice
 */
public record IncidentPicture(Incident incident, List<TargetState> targets,
                              List<DetourStatus.TaskClassStatus> affected,
                              List<DetourStatus.TaskClassStatus> paused, IncidentKind kind) {
    public IncidentPicture {
        Objects.requireNonNull(incident, "incident");
        targets = List.copyOf(targets);
        affected = List.copyOf(affected);
        paused = List.copyOf(paused);
        Objects.requireNonNull(kind, "kind");
    }

    /** A provider's or model's state as far as this incident is concerned. */
    public sealed interface Health {
    }

    /** Switched on and no signal about it is firing. */
    public record Healthy() implements Health {
    }

    /** Switched on while a signal about it (or its provider) fires; {@code evidence} is what the latest one saw. */
    public record Failing(SignalEvidence evidence, Instant since) implements Health {
        public Failing {
            Objects.requireNonNull(evidence, "evidence");
            Objects.requireNonNull(since, "since");
        }
    }

    /**
     * Switched off; {@code by} is who switched it off within this incident (empty when that happened outside it).
     */
    public record Off(Optional<Actor> by, Optional<Instant> since) implements Health {
        public Off {
            by = by == null ? Optional.empty() : by;
            since = since == null ? Optional.empty() : since;
        }
    }

    /** A model switched on whose provider is switched off: it serves nothing until the provider is back. */
    public record OffWithProvider(ProviderId provider) implements Health {
        public OffWithProvider {
            Objects.requireNonNull(provider, "provider");
        }
    }

    public record TargetState(Target target, Health health) {
        public TargetState {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(health, "health");
        }

        public boolean isOn() {
            return health instanceof Healthy || health instanceof Failing;
        }
    }

    /** The providers the incident is about, in the order of its targets. */
    public List<ProviderId> providers(Catalog catalog) {
        Set<ProviderId> providers = new LinkedHashSet<>();
        incident.affected().forEach(target -> providers.add(catalog.providerOf(target)));
        return List.copyOf(providers);
    }

    public Optional<TargetState> stateOf(Target target) {
        return targets.stream().filter(state -> state.target().equals(target)).findFirst();
    }

    /**
     * @param timeline the incident's timeline, oldest first: signal entries say what is failing, availability
     *                 entries who switched what off
     */
    public static IncidentPicture of(Incident incident, DetourStatus status, List<TimelineEntry> timeline,
                                     Catalog catalog) {
        Map<Target, TimelineEntry> firing = new HashMap<>();
        Map<Target, TimelineEntry> switchedOff = new HashMap<>();
        boolean everPaused = false;
        for (TimelineEntry entry : timeline) {
            if (entry.detail() instanceof TimelineDetail.Signalled signal) {
                for (Target target : signal.targets()) {
                    if (signal.firing()) {
                        firing.put(target, entry);
                    } else {
                        firing.remove(target);
                    }
                }
            } else if (entry.detail() instanceof TimelineDetail.AvailabilityChanged changed) {
                if (changed.available()) {
                    switchedOff.remove(changed.target());
                } else {
                    switchedOff.put(changed.target(), entry);
                }
            } else if (entry.detail() instanceof TimelineDetail.RouteChanged changed) {
                everPaused |= pauses(changed.route().state(), changed.route().serving().isEmpty());
            }
        }
        List<TargetState> targets = new ArrayList<>();
        for (Target target : incident.affected()) {
            targets.add(new TargetState(target, health(target, status, firing, switchedOff, catalog)));
        }
        List<DetourStatus.TaskClassStatus> affected = status.taskClasses().stream()
                .filter(DetourStatus.TaskClassStatus::affectsUsers)
                .filter(taskClass -> taskClass.route().stream()
                        .anyMatch(model -> incident.covers(Target.model(model), catalog)))
                .toList();
        List<DetourStatus.TaskClassStatus> paused = affected.stream()
                .filter(taskClass -> pauses(taskClass.current().state(), taskClass.current().serving().isEmpty()))
                .toList();
        return new IncidentPicture(incident, targets, affected, paused,
                kind(incident, !paused.isEmpty() || everPaused));
    }

    /**
     * The kind from the incident and its timeline alone (a resolved incident, a summary): what {@link #kind()} says
     * once nothing is paused any more.
     */
    public static IncidentKind kindOf(Incident incident, List<TimelineEntry> timeline) {
        return kind(incident, timeline.stream().anyMatch(entry -> entry.detail() instanceof TimelineDetail.RouteChanged
                changed && pauses(changed.route().state(), changed.route().serving().isEmpty())));
    }

    /**
     * The kind on-call set stays; a kind that names a change on our side (model, routing, policy) stays as opened;
     * an outage or degradation follows reality: a feature paused during the incident makes it an outage, otherwise
     * models fail while everything is served, a degradation.
     */
    static IncidentKind kind(Incident incident, boolean somethingPaused) {
        if (incident.kindSet()
                || (incident.kind() != IncidentKind.OUTAGE && incident.kind() != IncidentKind.DEGRADATION)) {
            return incident.kind();
        }
        return somethingPaused ? IncidentKind.OUTAGE : IncidentKind.DEGRADATION;
    }

    private static boolean pauses(RouteState state, boolean servesNothing) {
        return state != RouteState.PRIMARY && servesNothing;
    }

    private static Health health(Target target, DetourStatus status, Map<Target, TimelineEntry> firing,
                                 Map<Target, TimelineEntry> switchedOff, Catalog catalog) {
        boolean on = target.fold(
                id -> status.providers().stream().filter(p -> p.id().equals(id)).findFirst()
                        .map(DetourStatus.ProviderStatus::available).orElse(true),
                id -> model(id, status).map(DetourStatus.ModelStatus::available).orElse(true));
        if (!on) {
            Optional<TimelineEntry> by = Optional.ofNullable(switchedOff.get(target));
            Optional<Instant> since = by.map(TimelineEntry::at).or(() -> target.fold(
                    id -> status.providers().stream().filter(p -> p.id().equals(id)).findFirst()
                            .flatMap(DetourStatus.ProviderStatus::since),
                    id -> model(id, status).flatMap(DetourStatus.ModelStatus::since)));
            return new Off(by.map(TimelineEntry::actor), since);
        }
        if (target instanceof Target.OfModel model) {
            boolean providerOn = status.providers().stream()
                    .filter(p -> p.id().equals(catalog.providerOf(model.model()))).findFirst()
                    .map(DetourStatus.ProviderStatus::available).orElse(true);
            if (!providerOn) {
                return new OffWithProvider(catalog.providerOf(model.model()));
            }
        }
        TimelineEntry signal = firing.containsKey(target) ? firing.get(target)
                : firing.get(Target.provider(catalog.providerOf(target)));
        if (signal != null) {
            return new Failing(((TimelineDetail.Signalled) signal.detail()).evidence(), signal.at());
        }
        return new Healthy();
    }

    private static Optional<DetourStatus.ModelStatus> model(ModelId id, DetourStatus status) {
        return status.models().stream().filter(m -> m.id().equals(id)).findFirst();
    }
}
