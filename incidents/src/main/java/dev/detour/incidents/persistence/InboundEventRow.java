package dev.detour.incidents.persistence;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A delivery from outside (a Slack event, say) that has been handled, by {@code source:id}. */
@MappedEntity("inbound_event")
public record InboundEventRow(@Id String eventKey, Instant receivedAt) {
}
