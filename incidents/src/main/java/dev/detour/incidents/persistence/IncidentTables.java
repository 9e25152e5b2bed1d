package dev.detour.incidents.persistence;

import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.incident.IncidentKind;
import dev.detour.incidents.incident.IncidentState;
import dev.detour.incidents.incident.TimelineDetail;
import dev.detour.incidents.incident.TimelineEntry;
import dev.detour.incidents.ports.IncidentStore;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.TransactionStatus;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

/** Maps incidents, their targets and their timelines between domain records and rows. */
@Singleton
public class IncidentTables implements IncidentStore {
    /** As long as the database waits for a row lock before it gives up (H2's default lock timeout). */
    private static final Duration LOCK_WAIT = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(IncidentTables.class);

    private final IncidentRepository incidents;
    private final IncidentTargetRepository targets;
    private final TimelineEntryRepository timeline;
    private final OpenIncidentProviderRepository providers;
    private final Catalog catalog;
    private final TimelineDetailJson details = new TimelineDetailJson();
    private final TransactionOperations<Connection> transactions;
    private final ReentrantLock inProcess = new ReentrantLock();

    public IncidentTables(IncidentRepository incidents, IncidentTargetRepository targets,
                          TimelineEntryRepository timeline, OpenIncidentProviderRepository providers, Catalog catalog,
                          TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
        this.incidents = incidents;
        this.targets = targets;
        this.timeline = timeline;
        this.providers = providers;
        this.catalog = catalog;
    }

    /**
     * Serialises opening and joining incidents until the transaction ends: across replicas by a row lock in the
     * database, and within this process by a lock held until the transaction completes. H2 (the embedded database,
     * one process) was seen to show the statements after the row lock a view from before the previous holder's
     * commit under load, so an opener missed the incident just opened; the process lock is released only after
     * that commit has completed.
     */
    @Override
    public void lockOpening() {
        if (!inProcess.isHeldByCurrentThread()) {
            TransactionStatus<?> status = transactions.findTransactionStatus()
                    .orElseThrow(() -> new IllegalStateException("openings are serialised inside a transaction"));
            try {
                if (!inProcess.tryLock(LOCK_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException("another opening held the lock for over " + LOCK_WAIT);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting to open an incident", e);
            }
            status.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(Status completed) {
                    inProcess.unlock();
                }
            });
        }
        providers.lockOpening();
    }

    @Override
    public IncidentId nextId() {
        incidents.advanceLegacySequence();
        return new IncidentId(incidents.nextNumber());
    }

    @Override
    public Optional<Incident> find(IncidentId id) {
        return incidents.findById(id.number()).map(row -> toIncident(row, targetsOf(row.id())));
    }

    @Override
    public Optional<Incident> findForChange(IncidentId id) {
        return incidents.findByIdForUpdate(id.number()).map(row -> toIncident(row, targetsOf(row.id())));
    }

    @Override
    public long countOpen() {
        return incidents.countOpen();
    }

    @Override
    public List<Incident> open() {
        return withTargets(incidents.findOpen());
    }

    @Override
    public List<Incident> latest(int limit) {
        return withTargets(incidents.findLatest(limit));
    }

    @Override
    public List<TimelineEntry> timeline(IncidentId id) {
        return timeline.findByIncidentIdOrderById(id.number()).stream()
                .map(row -> new TimelineEntry(row.occurredAt(), Actor.parse(row.actor()), detail(row)))
                .toList();
    }

    /** The row's detail; a row from before details were stored is read from its text, in one place. */
    private TimelineDetail detail(TimelineEntryRow row) {
        TimelineEntry.Type type = TimelineEntry.Type.valueOf(row.entryType());
        if (row.detail() == null) {
            return EarlierTimelineText.read(type, row.body());
        }
        try {
            return details.read(row.detail());
        } catch (IllegalArgumentException unknown) {
            // Written by a later release, say: the entry still shows, as its kind of entry, without its data.
            LOG.warn("timeline entry {} has a detail this release cannot read ({}); shown without it", row.id(),
                    unknown.getMessage());
            return new TimelineDetail.AsWritten(type, row.body());
        }
    }

    @Override
    public void save(Optional<Incident> before, Incident after, List<TimelineEntry> entries) {
        IncidentRow row = toRow(after);
        if (before.isPresent()) {
            incidents.update(row);
        } else {
            incidents.save(row);
        }
        List<Target> known = before.map(Incident::affected).orElse(List.of());
        for (Target target : after.affected()) {
            if (!known.contains(target)) {
                targets.save(new IncidentTargetRow(null, row.id(), TargetKeys.key(target), entries.isEmpty()
                        ? after.openedAt() : entries.get(0).at()));
            }
        }
        if (after.isOpen()) {
            after.affected().stream().map(catalog::providerOf).distinct()
                    .forEach(provider -> providers.claim(provider.value(), row.id()));
        } else {
            providers.release(row.id());
        }
        append(after.id(), entries);
    }

    @Override
    public void append(IncidentId id, List<TimelineEntry> entries) {
        for (TimelineEntry entry : entries) {
            timeline.save(new TimelineEntryRow(null, id.number(), entry.at(), entry.actor().toString(),
                    entry.type().name(), "", details.write(entry.detail())));
        }
    }

    private List<Target> targetsOf(long incidentId) {
        return targets.findByIncidentIdOrderById(incidentId).stream().map(row -> TargetKeys.target(row.target()))
                .toList();
    }

    private List<Incident> withTargets(List<IncidentRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Target>> byIncident = targets.findByIncidentIdInOrderById(
                        rows.stream().map(IncidentRow::id).toList()).stream()
                .collect(Collectors.groupingBy(IncidentTargetRow::incidentId,
                        Collectors.mapping(row -> TargetKeys.target(row.target()), Collectors.toList())));
        return rows.stream().map(row -> toIncident(row, byIncident.getOrDefault(row.id(), List.of()))).toList();
    }

    private static Incident toIncident(IncidentRow row, List<Target> affected) {
        return new Incident(new IncidentId(row.id()), IncidentKind.fromWord(row.kind()).orElseThrow(),
                IncidentState.fromWord(row.state()).orElseThrow(), row.title(),
                affected, row.openedAt(), Actor.parse(row.openedBy()), Optional.ofNullable(row.acknowledgedAt()),
                Optional.ofNullable(row.acknowledgedBy()).map(Actor::parse), Optional.ofNullable(row.resolvedAt()),
                Optional.ofNullable(row.reopenedFrom()).map(IncidentId::new), row.kindSet());
    }

    private static IncidentRow toRow(Incident incident) {
        return new IncidentRow(incident.id().number(), incident.kind().word(), incident.state().word(),
                incident.title(), incident.openedAt(), incident.openedBy().toString(),
                incident.acknowledgedAt().orElse(null), incident.acknowledgedBy().map(Actor::toString).orElse(null),
                incident.resolvedAt().orElse(null), incident.reopenedFrom().map(IncidentId::number).orElse(null),
                incident.kindSet());
    }
}
