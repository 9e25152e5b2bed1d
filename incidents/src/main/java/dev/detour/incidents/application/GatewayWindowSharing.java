package dev.detour.incidents.application;

import dev.detour.incidents.catalog.DetourConfig;
import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.lifecycle.Job;
import dev.detour.incidents.signals.GatewayMonitor;
import dev.detour.incidents.signals.SecondCounts;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Makes the gateway windows of all replicas one. A gateway's batches reach whichever replica its connection
 * lands on, so each replica sees part of a model's requests, and a model with little traffic might never reach
 * {@code min-requests} on any of them. Once a second each replica writes the seconds it has completed to the
 * database and reads what the others wrote; its monitor judges every model on both. The other replicas' part
 * arrives a second or two late; this replica's own part counts at once, as before.
 */
@Singleton
public class GatewayWindowSharing {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayWindowSharing.class);
    /** Rows kept past the window, so that a replica reading a little late still finds them. */
    private static final long KEEP_EXTRA_SECONDS = 10;

    private final GatewayMonitor monitor;
    private final DataSource dataSource;
    private final Clock clock;
    private final long windowSeconds;
    private final String replica = UUID.randomUUID().toString();
    /** The newest second this replica has written; later seconds are written once they are over. */
    private long written = Long.MIN_VALUE;

    public GatewayWindowSharing(GatewayMonitor monitor, DataSource dataSource, Clock clock, DetourConfig config) {
        this.monitor = monitor;
        // The pool itself: these statements run on their own, outside any transaction.
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.clock = clock;
        this.windowSeconds = Math.max(1, config.detection().window().toSeconds());
    }

    @Job("gateway-share")
    @Scheduled(fixedDelay = "${detour.signals.gateway-share:1s}", initialDelay = "${detour.signals.gateway-share:1s}")
    public synchronized void share() {
        long now = clock.instant().getEpochSecond();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            write(connection, now);
            forget(connection, now);
            monitor.elsewhere(read(connection, now));
        } catch (SQLException | RuntimeException e) {
            // Detection goes on with this replica's own counts; the next share tries again.
            LOG.warn("gateway counts could not be shared with the other replicas: {}", e.toString());
        }
    }

    private void write(Connection connection, long now) throws SQLException {
        long after = Math.max(written, now - windowSeconds);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO gateway_second (replica, model,"
                + " epoch_second, requests, provider_errors, capacity_errors, our_side_errors, slow, latency)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            int rows = 0;
            for (ModelId model : monitor.models()) {
                for (SecondCounts counts : monitor.completed(model, after, now)) {
                    insert.setString(1, replica);
                    insert.setString(2, model.value());
                    insert.setLong(3, counts.epochSecond());
                    insert.setInt(4, counts.requests());
                    insert.setInt(5, counts.providerErrors());
                    insert.setInt(6, counts.capacityErrors());
                    insert.setInt(7, counts.ourSideErrors());
                    insert.setInt(8, counts.slow());
                    insert.setString(9, counts.latencyText());
                    insert.addBatch();
                    rows++;
                }
            }
            if (rows > 0) {
                insert.executeBatch();
            }
        }
        written = now - 1;
    }

    private void forget(Connection connection, long now) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM gateway_second WHERE epoch_second <= ?")) {
            delete.setLong(1, now - windowSeconds - KEEP_EXTRA_SECONDS);
            delete.executeUpdate();
        }
    }

    private Map<ModelId, List<SecondCounts>> read(Connection connection, long now) throws SQLException {
        Map<ModelId, List<SecondCounts>> elsewhere = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT model, epoch_second, requests,"
                + " provider_errors, capacity_errors, our_side_errors, slow, latency FROM gateway_second"
                + " WHERE replica <> ? AND epoch_second > ?")) {
            select.setString(1, replica);
            select.setLong(2, now - windowSeconds);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ModelId model = ModelId.of(rows.getString(1));
                    if (monitor.models().contains(model)) { // a replica with another config may know other models
                        elsewhere.computeIfAbsent(model, m -> new ArrayList<>()).add(new SecondCounts(rows.getLong(2),
                                rows.getInt(3), rows.getInt(4), rows.getInt(5), rows.getInt(6), rows.getInt(7),
                                SecondCounts.latencyOf(rows.getString(8))));
                    }
                }
            }
        }
        return elsewhere;
    }
}
