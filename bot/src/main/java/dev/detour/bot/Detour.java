package dev.detour.bot;

import dev.detour.bot.config.ConfigLocation;
import dev.detour.bot.demo.SeedIncidentDemo;
import dev.detour.incidents.catalog.DetourConfig;
import dev.detour.incidents.config.ConfigException;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import sun.misc.Signal;

import java.nio.file.Path;

/** Starts the Detour service. */
public final class Detour {
    /** Exit status for a configuration that cannot be used. */
    static final int BAD_CONFIG = 2;

    private Detour() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("demo")) {
            System.exit(SeedIncidentDemo.run(System.out));
            return;
        }
        DetourConfig config;
        try {
            // Before Micronaut starts, so a broken config is one line naming file and line, not a stack trace.
            config = new ConfigLocation(System.getenv(), Path.of("")).load();
        } catch (ConfigException e) {
            System.err.println("detour: cannot start: " + e.getMessage());
            System.exit(BAD_CONFIG);
            return;
        }
        ApplicationContext detour = Micronaut.build(args).mainClass(Detour.class).singletons(config).start();
        // SIGTERM is the orderly stop (Kubernetes, systemd, docker stop): stop taking requests, let the dispatchers
        // finish the row in flight (the rest waits in the outbox), then exit 0. The JVM's default would be 143.
        Signal.handle(new Signal("TERM"), signal -> {
            detour.stop();
            System.exit(0);
        });
    }
}
