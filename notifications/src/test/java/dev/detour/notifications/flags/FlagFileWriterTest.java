package dev.detour.notifications.flags;

import dev.detour.incidents.catalog.Sink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The flagd file is written whole, and readable by flagd running as another user (docs/flags.md). */
class FlagFileWriterTest {
    private static final String DOCUMENT = "{\"flags\":{}}";
    private final FlagFileWriter writer = new FlagFileWriter();

    @TempDir
    Path folder;

    @Test
    void theFlagFileIsReadableByEveryoneAndWritableOnlyByDetourByDefault() throws IOException {
        assumeTrue(posix());
        Path file = folder.resolve("flags.json");

        assertEquals(new PushResult.Delivered(), writer.write(new Sink.FlagdFile("flagd", file), DOCUMENT));

        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(DOCUMENT, Files.readString(file));
    }

    @Test
    void theFlagFileGetsTheModeItsSinkIsConfiguredWith() throws IOException {
        assumeTrue(posix());
        Path file = folder.resolve("flags.json");

        writer.write(new Sink.FlagdFile("flagd", file, PosixFilePermissions.fromString("rw-r-----")), DOCUMENT);

        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void aRewriteReplacesTheFileWithTheSameModeAndLeavesNoTemporaryFileBehind() throws IOException {
        assumeTrue(posix());
        Path file = folder.resolve("flags.json");
        Sink.FlagdFile sink = new Sink.FlagdFile("flagd", file);
        writer.write(sink, "{\"flags\":{\"old\":{}}}");

        writer.write(sink, DOCUMENT);

        assertEquals(DOCUMENT, Files.readString(file));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (var files = Files.list(folder)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void anotherOperatingSystemUserCanReadTheFlagFile() throws Exception {
        assumeTrue(posix() && "root".equals(System.getProperty("user.name")) && Files.isExecutable(SETPRIV),
                "needs root and setpriv to act as the user nobody");
        // JUnit makes the temporary folder private to its owner; the folder flagd watches is not.
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path file = folder.resolve("flags.json");
        writer.write(new Sink.FlagdFile("flagd", file), DOCUMENT);

        Process cat = new ProcessBuilder(SETPRIV.toString(), "--reuid=nobody", "--regid=nogroup", "--clear-groups",
                "cat", file.toString()).redirectErrorStream(true).start();
        assertTrue(cat.waitFor(30, TimeUnit.SECONDS), "cat as nobody did not finish");
        String read = new String(cat.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertEquals(0, cat.exitValue(), read);
        assertEquals(DOCUMENT, read);
    }

    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
