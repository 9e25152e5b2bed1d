package dev.detour.bot.config;

import dev.detour.incidents.catalog.DetourConfig;
import dev.detour.incidents.config.ConfigException;
import dev.detour.incidents.config.DetourConfigLoader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Finds the configuration: {@code DETOUR_CONFIG} when set, else {@code detour.yml} in the working directory,
 * else the example config built into the jar, so a fresh machine runs with no file at all.
 */
public final class ConfigLocation {
    public static final String ENV = "DETOUR_CONFIG";
    public static final String DEFAULT_FILE = "detour.yml";
    public static final String BUILT_IN = "detour.example.yml";

    private final Map<String, String> environment;
    private final Path workingDirectory;

    public ConfigLocation(Map<String, String> environment, Path workingDirectory) {
        this.environment = Map.copyOf(environment);
        this.workingDirectory = workingDirectory;
    }

    /** Loads and validates the config; a problem is a {@link ConfigException} naming file and line. */
    public DetourConfig load() {
        DetourConfigLoader loader = new DetourConfigLoader();
        String configured = environment.get(ENV);
        if (configured != null && !configured.isBlank()) {
            return loader.load(Path.of(configured));
        }
        Path local = workingDirectory.resolve(DEFAULT_FILE);
        if (Files.isRegularFile(local)) {
            return loader.load(local);
        }
        return loader.load(BUILT_IN + " (built in)", builtIn());
    }

    private static String builtIn() {
        try (InputStream in = ConfigLocation.class.getClassLoader().getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new ConfigException(BUILT_IN, 0, "the built-in example config is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
