package dev.detour.incidents.application;

import dev.detour.incidents.event.DetourEvent;
import dev.detour.incidents.outbox.BatchId;
import dev.detour.incidents.outbox.ChangeRule;
import dev.detour.incidents.outbox.DeliveryKey;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.TransactionStatus;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link BatchId} per transaction: every outbox row a change writes, through however many service calls that
 * join its transaction, carries the same batch. The change also keeps its events so far, for {@link ChangeRule}s,
 * and which rows each of those rules wrote for it. Forgotten when the transaction ends, committed or not.
 */
@Singleton
public class ChangeBatches {
    private final TransactionOperations<Connection> transactions;
    /** Keyed by the transaction's connection: the same for every call that joins it, and one transaction's at a time. */
    private final Map<Connection, Change> open = new ConcurrentHashMap<>();

    public ChangeBatches(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /** The batch of the caller's transaction; the caller must be in one. */
    BatchId current() {
        return change().batch();
    }

    /** The change of the caller's transaction; the caller must be in one. */
    Change change() {
        TransactionStatus<?> status = transactions.findTransactionStatus()
                .orElseThrow(() -> new IllegalStateException("outbox rows are written inside a transaction"));
        Connection connection = (Connection) status.getConnection();
        Change change = open.get(connection);
        if (change == null) {
            Change started = new Change(BatchId.random());
            open.put(connection, started);
            status.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(Status completed) {
                    open.remove(connection, started);
                }
            });
            change = started;
        }
        return change;
    }

    /** One transaction's change: used by one thread at a time, the one running the transaction. */
    static final class Change {
        private final BatchId batch;
        private final List<DetourEvent> events = new ArrayList<>();
        private final Map<ChangeRule, List<DeliveryKey>> written = new IdentityHashMap<>();

        private Change(BatchId batch) {
            this.batch = batch;
        }

        BatchId batch() {
            return batch;
        }

        /** Adds {@code more} to the change's events; returns all of them so far, in order. */
        List<DetourEvent> add(List<? extends DetourEvent> more) {
            events.addAll(more);
            return List.copyOf(events);
        }

        /** The keys of the rows {@code rule} wrote for this change so far; the caller replaces them. */
        List<DeliveryKey> writtenBy(ChangeRule rule) {
            return written.computeIfAbsent(rule, r -> new ArrayList<>());
        }
    }
}
