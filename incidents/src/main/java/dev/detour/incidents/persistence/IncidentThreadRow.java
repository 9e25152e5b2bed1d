package dev.detour.incidents.persistence;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** The Slack message that is an incident's root: its thread holds every later event. */
@MappedEntity("incident_thread")
public record IncidentThreadRow(@Id Long incidentId, String channel, String ts, Instant postedAt) {
}
