package dev.detour.incidents.application;

import dev.detour.incidents.audit.AuditAction;
import dev.detour.incidents.audit.AuditRecord;
import dev.detour.incidents.audit.AuditSubject;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.ProviderId;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.event.DetourEvent;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.incident.IncidentChange;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.incident.IncidentKind;
import dev.detour.incidents.incident.IncidentState;
import dev.detour.incidents.incident.Refusal;
import dev.detour.incidents.incident.TimelineDetail;
import dev.detour.incidents.incident.TimelineEntry;
import dev.detour.incidents.incident.UpdateText;
import dev.detour.incidents.ports.AuditTrail;
import dev.detour.incidents.ports.IncidentStore;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Opens and changes incidents. Each change commits in one transaction together with its timeline entries, its
 * audit records and its outbox rows; a refused change writes nothing.
 */
@Singleton
public class IncidentService {
    private final IncidentStore store;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final Catalog catalog;
    private final Clock clock;
    private final ApplicationEventPublisher<IncidentCoversProviders> coverage;

    public IncidentService(IncidentStore store, AuditTrail audit, Outbox outbox, Catalog catalog, Clock clock,
                           ApplicationEventPublisher<IncidentCoversProviders> coverage) {
        this.store = store;
        this.audit = audit;
        this.outbox = outbox;
        this.catalog = catalog;
        this.clock = clock;
        this.coverage = coverage;
    }

    /** Refused while another incident is open about one of the targets' providers: see {@link #openOrJoin}. */
    @Transactional
    public IncidentChange open(IncidentKind kind, String title, Collection<Target> targets, Actor by) {
        store.lockOpening();
        Optional<IncidentChange> taken = alreadyOpen(targets, Optional.empty());
        if (taken.isPresent()) {
            return taken.get();
        }
        IncidentChange change = Incident.open(store.nextId(), kind, title, targets, by, clock.instant());
        record(Optional.empty(), change);
        return change;
    }

    @Transactional
    public IncidentChange changeState(IncidentId id, IncidentState next, Actor by) {
        return change(id, incident -> incident.moveTo(next, by, clock.instant()));
    }

    /** On-call names the incident (audited, a timeline entry); the title wins over the one messages make. */
    @Transactional
    public IncidentChange retitle(IncidentId id, String title, Actor by) {
        return change(id, incident -> incident.retitle(title, by, clock.instant()));
    }

    /** On-call sets the incident's kind (audited, a timeline entry); it stays as set. */
    @Transactional
    public IncidentChange setKind(IncidentId id, IncidentKind kind, Actor by) {
        return change(id, incident -> incident.setKind(kind, by, clock.instant()));
    }

    @Transactional
    public IncidentChange resolve(IncidentId id, Actor by, String summary) {
        return resolve(id, by, dev.detour.incidents.incident.Resolution.summary(summary));
    }

    @Transactional
    public IncidentChange resolve(IncidentId id, Actor by, dev.detour.incidents.incident.Resolution resolution) {
        return change(id, incident -> incident.resolve(by, clock.instant(), resolution));
    }

    @Transactional
    public IncidentChange acknowledge(IncidentId id, Actor by) {
        return change(id, incident -> incident.acknowledge(by, clock.instant()));
    }

    @Transactional
    public IncidentChange affect(IncidentId id, Collection<Target> targets, Actor by) {
        store.lockOpening();
        return alreadyOpen(targets, Optional.of(id))
                .orElseGet(() -> change(id, incident -> incident.affect(targets, by, clock.instant())));
    }

    /** The refusal when another open incident is about one of these targets' providers (the database agrees). */
    private Optional<IncidentChange> alreadyOpen(Collection<Target> targets, Optional<IncidentId> except) {
        Set<ProviderId> providers = targets.stream().map(catalog::providerOf).collect(Collectors.toSet());
        return store.open().stream().filter(incident -> except.map(id -> !incident.id().equals(id)).orElse(true))
                .flatMap(incident -> incident.affected().stream().map(catalog::providerOf).filter(providers::contains)
                        .map(provider -> (IncidentChange) new IncidentChange.Rejected(
                                new Refusal.ProviderAlreadyInIncident(incident.id(), provider))))
                .findFirst();
    }

    @Transactional
    public IncidentChange postUpdate(IncidentId id, UpdateText text, Actor by) {
        return change(id, incident -> incident.postUpdate(text, by, clock.instant()));
    }

    /** Opens a new incident that continues a resolved one; the resolved one stays resolved. */
    @Transactional
    public IncidentChange reopen(IncidentId id, Actor by, String reason) {
        Optional<Incident> previous = store.find(id);
        if (previous.isEmpty()) {
            return unknown(id);
        }
        if (!previous.get().isOpen()) {
            store.lockOpening();
            Optional<IncidentChange> taken = alreadyOpen(previous.get().affected(), Optional.empty());
            if (taken.isPresent()) {
                return taken.get();
            }
        }
        // Only a resolved incident takes a new number; the domain refuses an open one.
        IncidentId successor = previous.get().isOpen() ? id : store.nextId();
        IncidentChange change = previous.get().reopen(successor, by, clock.instant(), reason);
        record(Optional.empty(), change);
        return change;
    }

    /** Adds a timeline entry for something another service did within the incident (e.g. a model switched off). */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void note(IncidentId id, TimelineEntry entry) {
        store.append(id, List.of(entry));
    }

    @Transactional(readOnly = true)
    public Optional<Incident> find(IncidentId id) {
        return store.find(id);
    }

    @Transactional(readOnly = true)
    public List<Incident> openIncidents() {
        return store.open();
    }

    /** How many incidents are not resolved, without reading them. */
    @Transactional(readOnly = true)
    public long openCount() {
        return store.countOpen();
    }

    @Transactional(readOnly = true)
    public List<Incident> latest(int limit) {
        return store.latest(limit);
    }

    @Transactional(readOnly = true)
    public List<TimelineEntry> timeline(IncidentId id) {
        return store.timeline(id);
    }

    /**
     * The incident about these targets' providers: the open one, widened to the targets it does not cover yet, or
     * else a new one. One provider's problem is one incident, whoever notices it first (a signal, a command).
     */
    @Transactional
    public IncidentChange openOrJoin(IncidentKind kind, String title, Collection<Target> targets, Actor by) {
        store.lockOpening(); // a concurrent opener for the same provider waits here, then joins ours
        Optional<Incident> about = openIncidentAbout(targets);
        if (about.isEmpty()) {
            return open(kind, title, targets, by);
        }
        // Decide on the incident read under its own row lock: the list of open incidents may predate the last
        // joiner's commit (H2 can hand a statement that follows the opening lock a view from before it).
        Optional<Incident> current = store.findForChange(about.get().id()).filter(Incident::isOpen);
        if (current.isEmpty()) {
            return open(kind, title, targets, by);
        }
        List<Target> uncovered = targets.stream().filter(target -> !current.get().covers(target, catalog)).toList();
        return uncovered.isEmpty() ? new IncidentChange.Applied(current.get(), List.of())
                : affect(current.get().id(), uncovered, by);
    }

    /** The oldest open incident about the provider of any of the targets, if any. */
    @Transactional(readOnly = true)
    public Optional<Incident> openIncidentAbout(Collection<Target> targets) {
        Set<ProviderId> providers = targets.stream().map(catalog::providerOf).collect(Collectors.toSet());
        return store.open().stream().filter(incident -> incident.affected().stream()
                .map(catalog::providerOf).anyMatch(providers::contains)).findFirst();
    }

    /** The oldest open incident about {@code target} (directly or through its provider), if any. */
    @Transactional(readOnly = true)
    public Optional<Incident> openIncidentCovering(Target target) {
        return store.open().stream().filter(incident -> incident.covers(target, catalog)).findFirst();
    }

    private IncidentChange change(IncidentId id, Function<Incident, IncidentChange> how) {
        Optional<Incident> before = store.findForChange(id);
        if (before.isEmpty()) {
            return unknown(id);
        }
        IncidentChange change = how.apply(before.get());
        record(before, change);
        return change;
    }

    private void record(Optional<Incident> before, IncidentChange change) {
        if (!(change instanceof IncidentChange.Applied applied)) {
            return;
        }
        Incident after = applied.incident();
        store.save(before, after, applied.entries());
        for (TimelineEntry entry : applied.entries()) {
            // A kind set is audited as the kind before and after; every other change as the state.
            Optional<String> was = entry.detail() instanceof TimelineDetail.KindSet kindSet
                    ? Optional.of(kindSet.from().word()) : before.map(incident -> incident.state().word());
            String is = entry.detail() instanceof TimelineDetail.KindSet kindSet ? kindSet.to().word()
                    : after.state().word();
            audit.append(new AuditRecord(entry.at(), entry.actor(), AuditAction.incident(entry.type()),
                    AuditSubject.incident(after.id()), was, Optional.of(is), reason(entry.detail()),
                    Optional.of(after.id())));
        }
        Instant at = applied.entries().isEmpty() ? clock.instant() : applied.entries().get(0).at();
        Actor actor = applied.entries().isEmpty() ? after.openedBy() : applied.entries().get(0).actor();
        outbox.enqueue(List.of(new DetourEvent.IncidentChanged(at, actor, after, applied.entries())));
        Set<ProviderId> newlyCovered = providers(after.affected());
        before.ifPresent(incident -> newlyCovered.removeAll(providers(incident.affected())));
        if (!newlyCovered.isEmpty()) {
            // Listeners write in this transaction, after the change itself (its outbox row comes first).
            coverage.publishEvent(new IncidentCoversProviders(after.id(), newlyCovered));
        }
    }

    private Set<ProviderId> providers(Collection<Target> targets) {
        return targets.stream().map(catalog::providerOf).collect(Collectors.toCollection(HashSet::new));
    }

    /** The audit record keeps the person's own words; targets added are named in their stored form. */
    private static Optional<String> reason(TimelineDetail detail) {
        if (detail instanceof TimelineDetail.TargetsAdded added) {
            return Optional.of(AuditSubject.targets(added.targets()).text());
        }
        return detail.ownWords();
    }

    private static IncidentChange unknown(IncidentId id) {
        return new IncidentChange.Rejected(new Refusal.NoSuchIncident(id));
    }
}
