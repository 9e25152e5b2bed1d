package dev.detour.incidents.catalog;

import java.net.URI;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Where flag changes are pushed, for apps that do not poll OFREP (docs/flags.md, "Push sinks"). */
public sealed interface Sink permits Sink.Webhook, Sink.FlagdFile, Sink.LiteLlm {

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

    /**
     * A LiteLLM proxy: a model switched off blocks its mapped deployments ({@code POST /model/block}), switched on
     * unblocks them, each verified through {@code GET /model/info} (docs/flags.md, "LiteLLM proxy sink").
     *
     * @param secretEnv the environment variable holding the proxy admin key
     * @param models    Detour model -> LiteLLM {@code model_name} or {@code model_info.id} values, in file order
     * @param unblockAt config {@code unblock-at}: LiteLLM has no percentage, so while a mapped model ramps back
     *                  (docs/recovery.md) its deployments stay blocked until the ramp's share reaches this percent
     *                  (1..100, default {@link #UNBLOCK_AT_END}: when the ramp completes)
     */
    record LiteLlm(String name, URI url, String secretEnv, Map<ModelId, List<String>> models, int unblockAt)
            implements Sink {
        public static final int UNBLOCK_AT_END = 100;

        public LiteLlm {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(secretEnv, "secretEnv");
            if (unblockAt < 1 || unblockAt > 100) {
                throw new IllegalArgumentException("unblock-at is a percentage from 1 to 100: " + unblockAt);
            }
            Map<ModelId, List<String>> copy = new LinkedHashMap<>();
            models.forEach((model, deployments) -> copy.put(model, List.copyOf(deployments)));
            models = java.util.Collections.unmodifiableMap(copy);
        }

        /** Unblocks when a ramp completes. */
        public LiteLlm(String name, URI url, String secretEnv, Map<ModelId, List<String>> models) {
            this(name, url, secretEnv, models, UNBLOCK_AT_END);
        }

        /** Whether a model ramping back at {@code percent} has its deployments unblocked. */
        public boolean unblocksAt(int percent) {
            return percent >= unblockAt;
        }
    }
}
