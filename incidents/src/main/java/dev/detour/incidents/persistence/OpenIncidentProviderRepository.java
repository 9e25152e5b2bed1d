package dev.detour.incidents.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface OpenIncidentProviderRepository extends GenericRepository<OpenIncidentProviderRow, String> {

    /** Names the provider's open incident; fails on the primary key when another open incident has it. */
    @Query("""
            INSERT INTO open_incident_provider (provider_id, incident_id)
            SELECT :providerId, :incidentId WHERE NOT EXISTS (
                SELECT 1 FROM open_incident_provider WHERE provider_id = :providerId AND incident_id = :incidentId)""")
    void claim(String providerId, long incidentId);

    @Query("DELETE FROM open_incident_provider WHERE incident_id = :incidentId")
    void release(long incidentId);

    List<OpenIncidentProviderRow> findAll();

    /** Takes the opening lock until the transaction ends (see migration V4). */
    @Query("UPDATE incident_opening_lock SET opens = opens + 1 WHERE id = 1")
    void lockOpening();
}
