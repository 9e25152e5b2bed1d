package dev.detour.commands;

/**
 * The request that asked for a command, as far as replays go. Slack signs every request anew, so one that
 * arrives a second time was captured and sent again: it is acknowledged, and {@link CommandHandler#execute} gives
 * it no effect. The check reads the database, so it runs after the acknowledgement, before any effect.
 */
@FunctionalInterface
public interface Delivery {

    /** A request nobody can send again: typed in the console, or received over Slack's own Socket Mode. */
    Delivery UNREPEATABLE = () -> true;

    /** @return false when the same request was taken before; may throw when that cannot be told */
    boolean isFirst();
}
