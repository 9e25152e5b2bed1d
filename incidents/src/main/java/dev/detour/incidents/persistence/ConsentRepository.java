package dev.detour.incidents.persistence;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ConsentRepository extends GenericRepository<ConsentRow, String> {

    ConsentRow save(ConsentRow row);

    ConsentRow update(ConsentRow row);

    Optional<ConsentRow> findById(String taskClassId);

    List<ConsentRow> findAll();

    /** An answer applies to one disruption; it is cleared when the task class is back on its primary. */
    void deleteById(String taskClassId);
}
