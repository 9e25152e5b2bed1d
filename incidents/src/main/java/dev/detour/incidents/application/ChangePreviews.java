package dev.detour.incidents.application;

import dev.detour.incidents.audit.AuditAction;
import dev.detour.incidents.audit.AuditRecord;
import dev.detour.incidents.audit.AuditSubject;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.DetourConfig;
import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.incident.TimelineDetail;
import dev.detour.incidents.incident.TimelineEntry;
import dev.detour.incidents.ports.AuditTrail;
import dev.detour.incidents.ports.RoutingStore;
import dev.detour.incidents.ports.UnblockableDeployments;
import dev.detour.incidents.preview.ChangePreview;
import dev.detour.incidents.preview.Preview;
import dev.detour.incidents.preview.PreviewOutcome;
import dev.detour.incidents.preview.ProposedChange;
import dev.detour.incidents.preview.RoutingSnapshot;
import dev.detour.incidents.preview.SwitchedOffModel;
import dev.detour.incidents.preview.UnblockableDeployment;
import dev.detour.incidents.routing.Route;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Previews of proposed changes (docs/routing.md, "Preview"), and applying a previewed change only while the state
 * it was computed from has not moved. A preview changes nothing and is not audited; a confirmed change is, with the
 * version of its preview ({@code change.confirmed}).
 */
@Singleton
public class ChangePreviews {
    private final RoutingStore store;
    private final ChangePreview preview;
    private final ModelEvidenceSource evidence;
    private final AvailabilityService availability;
    private final RouteService routes;
    private final AuditTrail audit;
    private final Clock clock;
    private final IncidentService incidents;
    private final List<UnblockableDeployments> sinks;

    /** @param sinks what push sinks learned they cannot block (none without the notifications module) */
    public ChangePreviews(RoutingStore store, Catalog catalog, DetourConfig config, ModelEvidenceSource evidence,
                          AvailabilityService availability, RouteService routes, AuditTrail audit, Clock clock,
                          IncidentService incidents, List<UnblockableDeployments> sinks) {
        this.incidents = incidents;
        this.sinks = List.copyOf(sinks);
        this.audit = audit;
        this.clock = clock;
        this.store = store;
        this.preview = new ChangePreview(catalog, config.detection());
        this.evidence = evidence;
        this.availability = availability;
        this.routes = routes;
    }

    /** The effect {@code change} would have now, or the refusal the change itself would give. */
    @Transactional(readOnly = true)
    public PreviewOutcome preview(ProposedChange change) {
        return preview(change, snapshot());
    }

    /** The pure preview, with what push sinks cannot block of the models a disable switches off. */
    private PreviewOutcome preview(ProposedChange change, RoutingSnapshot state) {
        PreviewOutcome outcome = preview.preview(change, state, evidence.now());
        if (!(outcome instanceof PreviewOutcome.Previewed previewed) || !(change instanceof ProposedChange.Disable)
                || sinks.isEmpty()) {
            return outcome;
        }
        List<ModelId> off = previewed.preview().switchedOff().stream().map(SwitchedOffModel::model).toList();
        List<UnblockableDeployment> unblockable = new ArrayList<>();
        sinks.forEach(sink -> unblockable.addAll(sink.of(off)));
        return unblockable.isEmpty() ? outcome
                : new PreviewOutcome.Previewed(previewed.preview().withUnblockable(unblockable));
    }

    /** The routing inputs as stored now, with their version. */
    @Transactional(readOnly = true)
    public RoutingSnapshot snapshot() {
        Map<dev.detour.incidents.catalog.TaskClassId, Route> stored = new LinkedHashMap<>();
        store.routes().forEach((taskClass, route) -> stored.put(taskClass, route.route()));
        return new RoutingSnapshot(store.availability(), store.overrides(), store.consents(), stored);
    }

    /**
     * Applies the change {@code previewed} describes when the state still has its version (under the routing lock,
     * so nothing moves in between); otherwise applies nothing and returns the preview of the change as it stands.
     */
    @Transactional
    public Applying apply(Preview previewed, Actor by, Optional<String> reason) {
        return apply(previewed, by, reason, Optional.empty());
    }

    /**
     * As {@link #apply(Preview, Actor, Optional)}; when the change is made within an incident, {@code scope} (which
     * scope of a whole-provider switch-off was chosen, and whether a narrower one was offered) goes on its timeline,
     * in the same transaction, for the manager summary.
     */
    @Transactional
    public Applying apply(Preview previewed, Actor by, Optional<String> reason,
                          Optional<TimelineDetail.ScopeChosen> scope) {
        store.lock();
        RoutingSnapshot now = snapshot();
        if (!now.version().equals(previewed.version())) {
            return new Applying.StateMoved(preview(previewed.change(), now));
        }
        ProposedChange change = previewed.change();
        RoutingOutcome outcome;
        if (change instanceof ProposedChange.Disable disable) {
            outcome = availability.disable(disable.targets(), by, reason);
        } else if (change instanceof ProposedChange.Enable enable) {
            outcome = availability.enable(enable.targets(), by, reason);
        } else if (change instanceof ProposedChange.Reroute reroute) {
            outcome = routes.override(reroute.taskClass(), reroute.override(), by, reason);
        } else {
            ProposedChange.Answer answer = (ProposedChange.Answer) change;
            outcome = routes.answerConsent(answer.taskClass(), answer.answer(), by);
        }
        if (outcome instanceof RoutingOutcome.Applied applied) {
            audit.append(new AuditRecord(clock.instant(), by, AuditAction.CHANGE_CONFIRMED, subject(change),
                    Optional.empty(), Optional.of(previewed.version()), reason, applied.incident().map(Incident::id)));
            applied.incident().ifPresent(incident -> scope.ifPresent(chosen -> incidents.note(incident.id(),
                    new TimelineEntry(clock.instant(), by, chosen))));
        }
        return new Applying.Applied(outcome);
    }

    private static AuditSubject subject(ProposedChange change) {
        if (change instanceof ProposedChange.Disable disable) {
            return AuditSubject.targets(disable.targets());
        } else if (change instanceof ProposedChange.Enable enable) {
            return AuditSubject.targets(enable.targets());
        } else if (change instanceof ProposedChange.Reroute reroute) {
            return AuditSubject.taskClass(reroute.taskClass());
        }
        return AuditSubject.taskClass(((ProposedChange.Answer) change).taskClass());
    }

    /** What {@link #apply} did. */
    public sealed interface Applying permits Applying.Applied, Applying.StateMoved {
        /** The state had the preview's version: the change was made (or refused, as the use case decided). */
        record Applied(RoutingOutcome outcome) implements Applying {
            public Applied {
                Objects.requireNonNull(outcome, "outcome");
            }
        }

        /** The state moved since the preview: nothing was applied; {@code current} is the preview as of now. */
        record StateMoved(PreviewOutcome current) implements Applying {
            public StateMoved {
                Objects.requireNonNull(current, "current");
            }
        }
    }
}
