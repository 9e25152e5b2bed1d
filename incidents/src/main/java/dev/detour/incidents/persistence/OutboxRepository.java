package dev.detour.incidents.persistence;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface OutboxRepository extends GenericRepository<OutboxRow, Long> {

    OutboxRow save(OutboxRow row);

    List<OutboxRow> findByStatusOrderById(String status);

    long countByStatus(String status);
}
