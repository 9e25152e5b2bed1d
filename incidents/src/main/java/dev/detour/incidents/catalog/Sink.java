package dev.detour.incidents.catalog;

import java.net.URI;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Set;

/** Where flag changes are pushed, for apps that do not poll OFREP (docs/flags.md, "Push sinks"). */
public sealed interface Sink permits Sink.Webhook, Sink.FlagdFile {

    /** Unique among sinks; outbox rows name it. */
    String name();

    /**
     * A signed webhook: each change is POSTed as JSON with {@code X-Detour-Signature: sha256=<hex HMAC of
     * timestamp.body>} and {@code X-Detour-Timestamp}.
     *
     * @param secretEnv the environment variable holding the signing secret (secrets never live in the file)
     */
    record Webhook(String name, URI url, String secretEnv) implements Sink {
        public Webhook {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(secretEnv, "secretEnv");
        }
    }

    /**
     * A flagd flag-definition file, rewritten atomically on every change.
     *
     * @param permissions the file's POSIX mode; flagd or a file-watching provider often runs as another user,
     *                    so the default is {@code 0644} (readable by everyone, writable by Detour only)
     */
    record FlagdFile(String name, Path path, Set<PosixFilePermission> permissions) implements Sink {
        public static final Set<PosixFilePermission> DEFAULT_PERMISSIONS = PosixFilePermissions.fromString("rw-r--r--");

        public FlagdFile {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(path, "path");
            permissions = Set.copyOf(permissions);
        }

        public FlagdFile(String name, Path path) {
            this(name, path, DEFAULT_PERMISSIONS);
        }
    }
}
