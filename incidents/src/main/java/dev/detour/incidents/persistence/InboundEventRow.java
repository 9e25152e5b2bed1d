package dev.detour.incidents.persistence;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * A delivery from outside (a Slack event, an Alertmanager alert, a status-page update) that has been handled, keyed
 * by a SHA-256 of {@code source:id}: senders' ids have no length limit (an alert without a fingerprint is keyed by
 * its labels), the digest always fits the column.
 */
@MappedEntity("inbound_event")
public record InboundEventRow(@Id String eventKey, Instant receivedAt) {

    /** 64 hex characters, whatever the length of {@code source} and {@code id}. */
    static String key(String source, String id) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((source + ":" + id).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
