package dev.detour.bot;

import dev.detour.bot.config.ConfigLocation;
import dev.detour.incidents.catalog.DetourConfig;
import dev.detour.incidents.config.ConfigException;
import io.micronaut.runtime.Micronaut;

import java.nio.file.Path;

/** Starts the Detour service. */
public final class Detour {
    /** Exit status for a configuration that cannot be used. */
    static final int BAD_CONFIG = 2;

    private Detour() {
    }

    public static void main(String[] args) {
        DetourConfig config;
        try {
            // Before Micronaut starts, so a broken config is one line naming file and line, not a stack trace.
            config = new ConfigLocation(System.getenv(), Path.of("")).load();
        } catch (ConfigException e) {
            System.err.println("detour: cannot start: " + e.getMessage());
            System.exit(BAD_CONFIG);
            return;
        }
        Micronaut.build(args).mainClass(Detour.class).singletons(config).start();
    }
}
