package dev.detour.incidents.persistence;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface IncidentThreadRepository extends GenericRepository<IncidentThreadRow, Long> {

    IncidentThreadRow save(IncidentThreadRow row);

    Optional<IncidentThreadRow> findById(Long incidentId);
}
