package dev.detour.notifications.flags;

import dev.detour.incidents.catalog.Sink;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a flagd flag file atomically: a temporary file in the same folder, then a rename, so a file-watching
 * provider never reads half a file. The temporary file is created private (0600); it gets the sink's mode before
 * the rename, so flagd running as another user can read the file from its first byte (docs/flags.md).
 */
@Singleton
public class FlagFileWriter {

    PushResult write(Sink.FlagdFile sink, String document) {
        Path target = sink.path().toAbsolutePath();
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            try {
                Files.writeString(temp, document, StandardCharsets.UTF_8);
                if (temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    // Set after creation: unlike a creation attribute, this is not narrowed by the umask.
                    Files.setPosixFilePermissions(temp, sink.permissions());
                }
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
            return new PushResult.Delivered();
        } catch (IOException e) {
            return new PushResult.Retry("cannot write " + target + ": " + e.getMessage());
        }
    }
}
