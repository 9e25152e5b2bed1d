package dev.detour.incidents.persistence;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface AvailabilityRepository extends GenericRepository<AvailabilityRow, String> {

    AvailabilityRow save(AvailabilityRow row);

    AvailabilityRow update(AvailabilityRow row);

    Optional<AvailabilityRow> findById(String target);

    List<AvailabilityRow> findAll();
}
