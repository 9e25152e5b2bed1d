package dev.detour.incidents.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The two databases every persistence test runs on: H2 in PostgreSQL mode (the embedded default) and the real
 * PostgreSQL at 127.0.0.1:5432 (production). Each test context gets a database of its own: a fresh in-memory H2,
 * or a fresh schema in PostgreSQL, so tests never see each other's rows.
 */
public final class TestDatabase {
    /** Used when {@code DATASOURCES_DEFAULT_URL} is not set: the CI machine's PostgreSQL. */
    public static final String DEFAULT_POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    private TestDatabase() {
    }

    /** Whether this run must include PostgreSQL: on CI it is required, elsewhere it is skipped. */
    public static boolean postgresRequired() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    public static Map<String, Object> h2() {
        String name = "detour_" + UUID.randomUUID().toString().replace("-", "");
        return datasource("jdbc:h2:mem:" + name + ";" + H2_POSTGRES_MODE + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    /** The H2 settings that let it run the same SQL as PostgreSQL; the app's embedded URL uses them too. */
    public static final String H2_POSTGRES_MODE = "MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    /** A new, empty schema in PostgreSQL; fails with a message naming the server when it is unreachable. */
    public static Map<String, Object> postgres() {
        String base = env("DATASOURCES_DEFAULT_URL").orElse(DEFAULT_POSTGRES_URL);
        String user = env("DATASOURCES_DEFAULT_USERNAME").orElse("postgres");
        String password = env("DATASOURCES_DEFAULT_PASSWORD").orElse("");
        String schema = "detour_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(base, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + base + " is unreachable (CI=true requires it): "
                    + e.getMessage(), e);
        }
        // Leave the shared database as we found it once this test JVM ends.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> dropSchema(base, user, password, schema)));
        String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return datasource(url, user, password);
    }

    private static void dropSchema(String url, String user, String password, String schema) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            System.err.println("[detour-tests] could not drop test schema " + schema + ": " + e.getMessage());
        }
    }

    private static Map<String, Object> datasource(String url, String user, String password) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("datasources.default.url", url);
        properties.put("datasources.default.username", user);
        properties.put("datasources.default.password", password);
        properties.put("datasources.default.maximum-pool-size", 10);
        properties.put("flyway.datasources.default.enabled", true);
        properties.put("flyway.datasources.default.locations",
                "classpath:db/migration/common");
        return properties;
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(value -> !value.isBlank());
    }
}
