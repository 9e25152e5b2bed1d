package dev.detour.messages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A rendering kept as {@code src/test/resources/golden/<name>.json}: compared with what the code renders now, or
 * rewritten instead when the tests run with {@code -Dgolden.update=true} (then read the diff before committing).
 * Files are read from the source tree, not the classpath, so an update is seen at once.
 */
final class GoldenFile {
    static final Path DIRECTORY = Path.of(System.getProperty("golden.dir", "src/test/resources/golden"));

    private GoldenFile() {
    }

    static boolean updating() {
        return Boolean.getBoolean("golden.update");
    }

    static void assertMatches(String name, String rendered) {
        Path file = DIRECTORY.resolve(name + ".json");
        try {
            if (updating()) {
                Files.createDirectories(DIRECTORY);
                Files.writeString(file, rendered, StandardCharsets.UTF_8);
                return;
            }
            assertTrue(Files.exists(file), file + " is missing: run the tests with -Dgolden.update=true to write it");
            assertEquals(Files.readString(file, StandardCharsets.UTF_8), rendered,
                    name + " renders differently from its golden file (-Dgolden.update=true rewrites it)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names of the golden files there are, to find files no test writes any more. */
    static Stream<String> names() {
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            return files.map(file -> file.getFileName().toString()).filter(file -> file.endsWith(".json"))
                    .map(file -> file.substring(0, file.length() - ".json".length())).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
