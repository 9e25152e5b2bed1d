package dev.detour.bot.ofrep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import dev.detour.incidents.testing.Await;

/**
 * The OpenFeature web provider run by Node ({@code src/test/node/ofrep-web-client}): installed into
 * {@code target/} with {@code npm ci} from the committed lockfile (pinned versions), then started against a
 * running Detour. Each line it prints is one JSON object ({@code ready}, {@code changed}, with the flag's value).
 */
final class NodeClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SOURCE = Path.of("src/test/node/ofrep-web-client");
    private static final Path INSTALLED = Path.of("target/ofrep-web-client");
    private static final List<String> FILES = List.of("package.json", "package-lock.json", "client.mjs");

    private final Process process;
    private final List<JsonNode> lines = new CopyOnWriteArrayList<>();

    private NodeClient(Process process) {
        this.process = process;
        Thread reader = new Thread(this::read, "node-client");
        reader.setDaemon(true);
        reader.start();
    }

    /** Installs the client (once per build) and starts it: {@code node client.mjs url token flag clients}. */
    static NodeClient start(String baseUrl, String token, String flag, int clients) throws Exception {
        install();
        Process process = new ProcessBuilder("node", "client.mjs", baseUrl, token, flag, Integer.toString(clients))
                .directory(INSTALLED.toFile())
                .redirectError(INSTALLED.resolve("client.err").toFile())
                .start();
        return new NodeClient(process);
    }

    private static synchronized void install() throws Exception {
        Files.createDirectories(INSTALLED);
        boolean same = Files.exists(INSTALLED.resolve("node_modules"));
        for (String file : FILES) {
            Path installed = INSTALLED.resolve(file);
            same &= Files.exists(installed) && Files.mismatch(SOURCE.resolve(file), installed) == -1;
            Files.copy(SOURCE.resolve(file), installed, StandardCopyOption.REPLACE_EXISTING);
        }
        if (same) {
            return;
        }
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
                .directory(INSTALLED.toFile()).redirectErrorStream(true)
                .redirectOutput(INSTALLED.resolve("npm-ci.log").toFile()).start();
        if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
            npm.destroyForcibly();
            throw new IllegalStateException("npm ci failed: " + Files.readString(INSTALLED.resolve("npm-ci.log")));
        }
    }

    /** Waits for a line the predicate accepts and returns it. */
    JsonNode await(Predicate<JsonNode> line, Duration wait, String what) {
        return Await.await(() -> lines.stream().filter(line).findFirst().orElse(null), found -> found != null,
                wait, what + " (client said " + lines + ", stderr " + stderr() + ")");
    }

    List<JsonNode> lines() {
        return List.copyOf(lines);
    }

    private String stderr() {
        try {
            return Files.readString(INSTALLED.resolve("client.err"));
        } catch (IOException e) {
            return "?";
        }
    }

    private void read() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                try {
                    lines.add(JSON.readTree(line));
                } catch (IOException e) {
                    lines.add(JSON.createObjectNode().put("text", line));
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
