package dev.detour.incidents.application;

import dev.detour.incidents.outbox.BatchId;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.TransactionStatus;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link BatchId} per transaction: every outbox row a change writes, through however many service calls that
 * join its transaction, carries the same batch. Forgotten when the transaction ends, committed or not.
 */
@Singleton
public class ChangeBatches {
    private final TransactionOperations<Connection> transactions;
    /** Keyed by the transaction's connection: the same for every call that joins it, and one transaction's at a time. */
    private final Map<Connection, BatchId> open = new ConcurrentHashMap<>();

    public ChangeBatches(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /** The batch of the caller's transaction; the caller must be in one. */
    BatchId current() {
        TransactionStatus<?> status = transactions.findTransactionStatus()
                .orElseThrow(() -> new IllegalStateException("outbox rows are written inside a transaction"));
        Connection connection = (Connection) status.getConnection();
        BatchId batch = open.get(connection);
        if (batch == null) {
            BatchId started = BatchId.random();
            open.put(connection, started);
            status.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(Status completed) {
                    open.remove(connection, started);
                }
            });
            batch = started;
        }
        return batch;
    }
}
