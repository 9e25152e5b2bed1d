package dev.detour.incidents.persistence;

import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.ports.SupportPosts;
import dev.detour.incidents.support.SupportPostDraft;
import dev.detour.incidents.support.SupportPostKind;
import dev.detour.incidents.support.SupportPostRecord;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The support posts in their own table (not in the outbox's rows). */
@Singleton
public class SupportPostsTable implements SupportPosts {
    private final SupportPostRepository rows;
    private final FeatureStatesJson json = new FeatureStatesJson();

    public SupportPostsTable(SupportPostRepository rows) {
        this.rows = rows;
    }

    @Override
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void record(IncidentId incident, SupportPostDraft post, Instant at) {
        rows.save(new SupportPostRow(null, incident.number(), post.kind().word(), post.headline(), post.body(), at,
                post.nextUpdateBy().orElse(null), post.features().isEmpty() ? null : json.write(post.features())));
    }

    @Override
    @Transactional(readOnly = true)
    public List<SupportPostRecord> latest(int limit) {
        return rows.findLatest(limit).stream().flatMap(row -> read(row).stream()).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<IncidentId> latestIncidents(int limit) {
        return rows.findLatestIncidents(limit).stream().map(IncidentId::new).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<IncidentId> incidentsOpenedBetween(Instant from, Instant until) {
        return rows.findIncidentsOpenedBetween(from, until).stream().map(IncidentId::new).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<SupportPostRecord> ofIncident(IncidentId incident, int limit) {
        return rows.findOfIncident(incident.number(), limit).stream().flatMap(row -> read(row).stream()).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Instant> lastPostAt(IncidentId incident) {
        return rows.lastCreated(incident.number());
    }

    private Optional<SupportPostRecord> read(SupportPostRow row) {
        return SupportPostKind.of(row.kind()).map(kind -> new SupportPostRecord(row.id(),
                new IncidentId(row.incidentId()), kind, row.headline(), row.body(), row.createdAt(),
                Optional.ofNullable(row.nextUpdateBy()),
                row.features() == null ? Map.of() : json.read(row.features())));
    }
}
