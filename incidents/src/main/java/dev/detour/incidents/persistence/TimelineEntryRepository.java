package dev.detour.incidents.persistence;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

/** Append-only: rows are saved and read, never changed. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface TimelineEntryRepository extends GenericRepository<TimelineEntryRow, Long> {

    TimelineEntryRow save(TimelineEntryRow row);

    List<TimelineEntryRow> findByIncidentIdOrderById(Long incidentId);
}
