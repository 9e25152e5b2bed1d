package dev.detour.incidents.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of the test's own, made with the machine's {@code initdb} and {@code pg_ctl} in a fresh
 * directory under {@code target/}, listening on 127.0.0.1 on a free port with trust authentication. Unlike the
 * shared server of {@link TestDatabase}, a test may stop it (as an operator would), crash it, and start it again.
 * <p>
 * {@link #close()} stops it and removes its directory; a JVM shutdown hook does the same if the test never gets
 * that far. As root (CI containers) the server runs as the {@code postgres} OS user, since PostgreSQL refuses to
 * run as root. Use {@link WithLocalPostgres} on a test class: it skips with a reason where the binaries are
 * missing, and fails on CI.
 */
public final class LocalPostgres implements AutoCloseable {
    /** Where Debian and Ubuntu put the binaries of each installed major version. */
    private static final Path DEBIAN_BINARIES = Path.of("/usr/lib/postgresql");
    private static final Duration COMMAND_DEADLINE = Duration.ofSeconds(60);
    private static final String OS_USER = "postgres";

    private final Path binaries;
    private final Path directory;
    private final int port;
    private final Thread cleanup;

    private LocalPostgres(Path binaries, Path directory, int port) {
        this.binaries = binaries;
        this.directory = directory;
        this.port = port;
        this.cleanup = new Thread(this::stopAndDelete, "local-postgres-cleanup-" + port);
    }

    /** The directory holding {@code initdb} and {@code pg_ctl}, if this machine has them. */
    public static Optional<Path> binaries() {
        Optional<Path> configured = Optional.ofNullable(System.getenv("DETOUR_TEST_PG_BIN")).filter(s -> !s.isBlank())
                .map(Path::of);
        if (configured.isPresent()) {
            return configured.filter(LocalPostgres::hasTools);
        }
        if (!Files.isDirectory(DEBIAN_BINARIES)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(DEBIAN_BINARIES)) {
            // The newest major version first: "16" sorts after "9" by number, not by text.
            return versions.map(version -> version.resolve("bin")).filter(LocalPostgres::hasTools)
                    .max(Comparator.comparingInt(LocalPostgres::majorVersion));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Creates a cluster in a new directory under {@code target/local-postgres} and starts it. */
    public static LocalPostgres start() {
        Path binaries = binaries().orElseThrow(() -> new IllegalStateException("no initdb/pg_ctl under "
                + DEBIAN_BINARIES + "/*/bin (or DETOUR_TEST_PG_BIN): install PostgreSQL to run this test"));
        try {
            Path directory = Files.createDirectories(Path.of("target", "local-postgres",
                    UUID.randomUUID().toString().substring(0, 8))).toAbsolutePath();
            LocalPostgres postgres = new LocalPostgres(binaries, directory, freePort());
            Runtime.getRuntime().addShutdownHook(postgres.cleanup);
            postgres.create();
            postgres.startServer();
            return postgres;
        } catch (IOException e) {
            throw new IllegalStateException("could not prepare a PostgreSQL directory under target/: " + e, e);
        }
    }

    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public int port() {
        return port;
    }

    /** Datasource properties for a Micronaut context on this server, shaped like {@link TestDatabase}'s. */
    public Map<String, Object> datasource() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("datasources.default.url", url());
        properties.put("datasources.default.username", OS_USER);
        properties.put("datasources.default.password", "");
        properties.put("datasources.default.maximum-pool-size", 10);
        properties.put("flyway.datasources.default.enabled", true);
        properties.put("flyway.datasources.default.locations", "classpath:db/migration/common");
        return properties;
    }

    /** The environment that points the packaged jar at this server. */
    public Map<String, String> environment() {
        return Map.of("DATASOURCES_DEFAULT_URL", url(), "DATASOURCES_DEFAULT_USERNAME", OS_USER,
                "DATASOURCES_DEFAULT_PASSWORD", "");
    }

    /** Stops the server the way an operator does ({@code pg_ctl stop -m fast}): clients are disconnected. */
    public void stop() {
        pgCtl("stop", "-m", "fast");
    }

    /** Kills the server without a shutdown ({@code -m immediate}): it recovers from its WAL on the next start. */
    public void crash() {
        pgCtl("stop", "-m", "immediate");
    }

    /** Starts the server again and returns once it accepts connections. */
    public void startServer() {
        pgCtl("start", "-l", directory.resolve("server.log").toString(), "-t", "60",
                // No fsync: the machine does not crash in these tests, only the server does.
                "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories="
                        + directory + " -c fsync=off");
    }

    public boolean isRunning() {
        return run(List.of(binaries.resolve("pg_ctl").toString(), "status", "-D", data().toString()), false) == 0;
    }

    /** What the server wrote to its log, for a failure message. */
    public String log() {
        try {
            return Files.readString(directory.resolve("server.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no server log: " + e + ")";
        }
    }

    private String toolsLog() {
        try {
            return Files.readString(directory.resolve("tools.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        stopAndDelete();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook runs (or ran) anyway
        }
    }

    private void create() throws IOException {
        if (asRoot()) {
            // The server's OS user owns its directory; everything above it is readable by all (target/ is 755).
            UserPrincipal owner = directory.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName(OS_USER);
            Files.setOwner(directory, owner);
        }
        int status = run(List.of(binaries.resolve("initdb").toString(), "-D", data().toString(), "-U", OS_USER,
                "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"), true);
        if (status != 0) {
            throw new IllegalStateException("initdb failed (" + status + ") in " + directory + ":\n" + toolsLog());
        }
    }

    private synchronized void stopAndDelete() {
        if (Files.isDirectory(data()) && isRunning()) {
            run(List.of(binaries.resolve("pg_ctl").toString(), "stop", "-D", data().toString(), "-m", "immediate",
                    "-w"), false);
        }
        try (Stream<Path> files = Files.exists(directory) ? Files.walk(directory) : Stream.empty()) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("[detour-tests] could not delete " + directory + ": " + e);
        }
    }

    private void pgCtl(String action, String... options) {
        List<String> command = new ArrayList<>(List.of(binaries.resolve("pg_ctl").toString(), action, "-D",
                data().toString(), "-w"));
        command.addAll(List.of(options));
        int status = run(command, true);
        if (status != 0) {
            throw new IllegalStateException("pg_ctl " + action + " failed (" + status + "):\n" + toolsLog() + log());
        }
    }

    /** Runs a PostgreSQL tool, as the {@code postgres} user when we are root; its output goes to a log file. */
    private int run(List<String> tool, boolean logOutput) {
        List<String> command = new ArrayList<>();
        if (asRoot()) {
            command.addAll(List.of("runuser", "-u", OS_USER, "--"));
        }
        command.addAll(tool);
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
            Path output = directory.resolve("tools.log");
            builder.redirectOutput(logOutput ? ProcessBuilder.Redirect.appendTo(output.toFile())
                    : ProcessBuilder.Redirect.DISCARD);
            Process process = builder.start();
            if (!process.waitFor(COMMAND_DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", tool) + " did not finish within " + COMMAND_DEADLINE);
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + tool.get(0) + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + tool.get(0), e);
        }
    }

    private Path data() {
        return directory.resolve("data");
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static boolean hasTools(Path bin) {
        return Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl"));
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString().split("\\.")[0]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
