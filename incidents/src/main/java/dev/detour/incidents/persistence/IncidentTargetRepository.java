package dev.detour.incidents.persistence;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface IncidentTargetRepository extends GenericRepository<IncidentTargetRow, Long> {

    IncidentTargetRow save(IncidentTargetRow row);

    List<IncidentTargetRow> findByIncidentIdOrderById(Long incidentId);

    List<IncidentTargetRow> findByIncidentIdInOrderById(Collection<Long> incidentIds);
}
