package dev.detour.bot.otlp;

/** A body that is not an OTLP trace export in its encoding: nothing in it counts (400). */
final class MalformedTraces extends Exception {
    MalformedTraces(String message) {
        super(message, null, false, false);
    }
}
