package dev.detour.bot.process;

import dev.detour.incidents.testing.Await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The packaged {@code bot/target/detour.jar} as a separate process, started the way an operator starts it: only
 * the environment given here, whatever the machine running the tests has set, and its output in a log file.
 */
public final class DetourProcess implements AutoCloseable {
    private static final Path JAR = Path.of("target", "detour.jar").toAbsolutePath();

    private final Process process;
    private final Path log;
    private final int port;

    private DetourProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts {@code java -jar detour.jar args...} in {@code directory}, serving on a free port. */
    public static DetourProcess start(Path directory, Map<String, String> environment, String... args)
            throws IOException {
        return start(directory, environment, List.of(), args);
    }

    /** Starts {@code java <jvmOptions> -jar detour.jar args...}, e.g. with a small heap. */
    public static DetourProcess start(Path directory, Map<String, String> environment, List<String> jvmOptions,
                                      String... args) throws IOException {
        return startOn(Path.of(System.getProperty("java.home"), "bin", "java"), directory, environment, jvmOptions,
                args);
    }

    /** As {@link #start(Path, Map, List, String...)}, on another JVM than the tests' ({@code java} is its launcher). */
    public static DetourProcess startOn(Path java, Path directory, Map<String, String> environment,
                                        List<String> jvmOptions, String... args) throws IOException {
        assertTrue(Files.isRegularFile(JAR), "run `./mvnw verify`: failsafe tests need the packaged jar");
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path log = directory.resolve("detour-" + System.nanoTime() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                // A file, not a pipe: nobody reads a pipe while the server runs, and a full one would block it.
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("DATASOURCES_") || name.startsWith("DETOUR_")
                || name.startsWith("SLACK_") || name.startsWith("MICRONAUT_"));
        builder.environment().put("MICRONAUT_SERVER_PORT", String.valueOf(port));
        builder.environment().putAll(environment);
        return new DetourProcess(builder.start(), log, port);
    }

    /** The packaged jar the processes start. */
    public static Path jar() {
        return JAR;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public Process process() {
        return process;
    }

    public String output() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    public void awaitHealthy(HttpClient http) {
        Await.await(() -> {
            if (!process.isAlive()) {
                fail("detour exited: " + output());
            }
            try {
                return http.send(HttpRequest.newBuilder(uri("/health")).build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode() == 200;
            } catch (IOException notYet) {
                return false; // still starting
            }
        }, Duration.ofSeconds(60), "detour to answer /health with 200");
    }

    /** @return the exit status after {@code SIGTERM} */
    public int terminate() throws InterruptedException {
        process.destroy();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "stops on SIGTERM within 30 s");
        return process.exitValue();
    }

    /** {@code SIGKILL}: no shutdown hook, no draining, as when a node dies. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "killed");
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
