package dev.detour.incidents.outbox;

import dev.detour.incidents.event.EventId;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * An outbox row's idempotency key as its typed parts: the kind, the destination, and what the delivery is unique
 * for (an event's id, a change's id, or facts). Stored as a SHA-256 of those parts; the stored form is opaque
 * (also sent to webhook receivers as {@code Idempotency-Key}) and nothing reads meaning back out of it.
 */
public record DeliveryKey(String kind, String destination, String scope, List<String> parts) {
    public DeliveryKey {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(scope, "scope");
        parts = List.copyOf(parts);
    }

    public static DeliveryKey forEvent(EventId event, OutboxKind kind, String destination, int item) {
        return new DeliveryKey(kind.word(), destination, "event", List.of(event.toString(), Integer.toString(item)));
    }

    public static DeliveryKey forChange(BatchId batch, OutboxKind kind, String destination, List<String> facts) {
        List<String> parts = new ArrayList<>();
        parts.add(batch.toString());
        parts.addAll(facts);
        return new DeliveryKey(kind.word(), destination, "change", parts);
    }

    public static DeliveryKey forFacts(OutboxKind kind, String destination, List<String> facts) {
        return new DeliveryKey(kind.word(), destination, "facts", facts);
    }

    /** 64 hex characters whatever the parts' lengths; each part length-prefixed, so no two keys run together. */
    public String stored() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            List<String> all = new ArrayList<>(List.of(kind, destination, scope));
            all.addAll(parts);
            for (String part : all) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                sha.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
                sha.update(bytes);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
