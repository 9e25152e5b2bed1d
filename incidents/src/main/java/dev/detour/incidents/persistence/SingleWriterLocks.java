package dev.detour.incidents.persistence;

import dev.detour.incidents.lifecycle.SingleWriter;
import io.micronaut.context.annotation.Property;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.CRC32;
import javax.sql.DataSource;

/**
 * Which replica runs a job that must run on one replica at a time (status-page polling, consent timeouts,
 * reminders). On PostgreSQL each job is a session-level advisory lock, all held on one connection of their own:
 * when its holder dies, PostgreSQL ends the session and frees the locks, and another replica takes a job at its
 * next try (within one job interval, a few seconds). H2 is the single-replica database: there, this replica is
 * always it.
 */
@Singleton
public class SingleWriterLocks implements SingleWriter {
    private static final Logger LOG = LoggerFactory.getLogger(SingleWriterLocks.class);

    private final DataSource dataSource;
    private final boolean advisory;
    private final Set<String> held = new HashSet<>();
    private Connection session;

    public SingleWriterLocks(DataSource dataSource,
                             @Property(name = "datasources.default.url", defaultValue = "") String url) {
        // The pool itself, not the transaction-aware proxy: this connection lives outside any transaction.
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.advisory = url.startsWith("jdbc:postgresql:");
    }

    /** @return whether this replica holds the job's lock now, taking it when it is free */
    @Override
    public synchronized boolean holds(String job) {
        if (!advisory) {
            return true;
        }
        try {
            if (session != null && !session.isValid(2)) {
                LOG.warn("lost the database session of the single-writer locks; trying again");
                close(session); // the session ended, and its locks with it
                session = null;
                held.clear();
            }
            if (held.contains(job)) {
                return true;
            }
            if (session == null) {
                session = dataSource.getConnection();
                session.setAutoCommit(true);
            }
            if (tryLock(session, job)) {
                held.add(job);
                LOG.info("this replica now runs {}", job);
                return true;
            }
            return false;
        } catch (SQLException e) {
            LOG.warn("could not check the lock for {}: {}", job, e.getMessage());
            return false;
        }
    }

    private static boolean tryLock(Connection connection, String job) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            statement.setLong(1, key(job));
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    /** A stable 64-bit key per job name; the high bits mark Detour's locks among others in the same database. */
    static long key(String job) {
        CRC32 crc = new CRC32();
        crc.update(job.getBytes(StandardCharsets.UTF_8));
        return 0x44455400_00000000L | crc.getValue();
    }

    @PreDestroy
    synchronized void release() {
        if (session == null) {
            return;
        }
        // A pooled connection outlives close(): unlock first, or the locks would stay with the pool.
        try (PreparedStatement unlock = session.prepareStatement("SELECT pg_advisory_unlock_all()")) {
            unlock.execute();
        } catch (SQLException ignored) {
            // the session is gone, and its locks with it
        }
        close(session);
        session = null;
        held.clear();
    }

    private static void close(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // already gone: so is its lock
        }
    }
}
