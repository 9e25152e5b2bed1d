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
 * provider never reads half a file.
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
