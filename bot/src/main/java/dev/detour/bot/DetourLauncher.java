package dev.detour.bot;

import io.micronaut.context.env.Environment;
import io.micronaut.runtime.Micronaut;

import java.io.PrintStream;
import java.net.BindException;
import java.util.Optional;

/**
 * Micronaut's start-up, with a port already in use told as one line naming the setting to change, like a broken
 * config (README.md, "Configuration"), instead of a stack trace.
 */
final class DetourLauncher extends Micronaut {
    private final PrintStream err;

    DetourLauncher(PrintStream err) {
        this.err = err;
    }

    @Override
    protected void handleStartupException(Environment environment, Throwable failure) {
        if (causedBy(failure, BindException.class)) {
            String port = Optional.ofNullable(System.getenv("MICRONAUT_SERVER_PORT"))
                    .or(() -> Optional.ofNullable(environment)
                            .flatMap(env -> env.getProperty("micronaut.server.port", String.class)))
                    .orElse("8080");
            err.println("detour: cannot start: port " + port + " is already in use; stop what uses it, or set "
                    + "MICRONAUT_SERVER_PORT to a free port");
            System.exit(Detour.BAD_CONFIG);
            return;
        }
        super.handleStartupException(environment, failure);
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
