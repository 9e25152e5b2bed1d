package dev.detour.bot;

import dev.detour.bot.config.ConfigLocation;
import dev.detour.bot.demo.SeedIncidentDemo;
import dev.detour.incidents.catalog.DetourConfig;
import dev.detour.incidents.config.ConfigException;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import sun.misc.Signal;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Starts the Detour service. */
public final class Detour {
    /** Exit status for a configuration that cannot be used. */
    static final int BAD_CONFIG = 2;
    static final String SERVE = "--serve";
    /** Where {@code demo --serve} keeps the demo's database: beside the default one, never replacing it. */
    static final Path DEMO_DATA = Path.of("data", "demo");

    private Detour() {
    }

    public static void main(String[] args) {
        NettyDefaults.apply(System.getProperties());
        if (args.length > 0 && args[0].equals("demo")) {
            if (!List.of(args).contains(SERVE)) {
                System.exit(SeedIncidentDemo.run(System.out));
                return;
            }
            // demo --serve: the demo's database is kept and served, so /status and the API show the seed incident.
            int played = SeedIncidentDemo.keep(System.out, DEMO_DATA);
            if (played != 0) {
                System.exit(played);
                return;
            }
            System.out.println("Serving the demo's database (" + DEMO_DATA + "): open http://localhost:"
                    + Optional.ofNullable(System.getenv("MICRONAUT_SERVER_PORT")).orElse("8080") + "/status");
            String[] rest = List.of(args).stream().filter(arg -> !arg.equals("demo") && !arg.equals(SERVE))
                    .toArray(String[]::new);
            start(rest, SeedIncidentDemo.config(DEMO_DATA),
                    Map.of("datasources.default.url", SeedIncidentDemo.databaseUrl(DEMO_DATA)));
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
        start(args, config, Map.of());
    }

    private static void start(String[] args, DetourConfig config, Map<String, Object> properties) {
        ApplicationContext detour = new DetourLauncher(System.err).args(args).mainClass(Detour.class)
                .properties(properties).singletons(config).banner(false).start();
        // SIGTERM is the orderly stop (Kubernetes, systemd, docker stop): stop taking requests, let the dispatchers
        // finish the row in flight (the rest waits in the outbox), then exit 0. The JVM's default would be 143.
        Signal.handle(new Signal("TERM"), signal -> {
            detour.stop();
            System.exit(0);
        });
    }
}
