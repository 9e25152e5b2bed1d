package dev.detour.incidents.outbox;

import java.util.Objects;
import java.util.UUID;

/**
 * Names the transaction that wrote a set of outbox rows: stored in each row's {@code batch} column, so rows of
 * one change are found together (a flag push folds the earlier rows of its change) without reading their keys.
 */
public record BatchId(UUID value) {
    public BatchId {
        Objects.requireNonNull(value, "value");
    }

    public static BatchId random() {
        return new BatchId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
