package dev.detour.incidents.persistence;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A provider's one open incident (see migration V4). */
@MappedEntity("open_incident_provider")
public record OpenIncidentProviderRow(@Id String providerId, Long incidentId) {
}
