package dev.detour.incidents.persistence;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** Someone in the org who gets a Slack DM for every customer update (V27). */
@MappedEntity("slack_subscriber")
public record SlackSubscriberRow(@Id String userId, Instant since) {
}
