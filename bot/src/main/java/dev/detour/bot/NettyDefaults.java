package dev.detour.bot;

import java.util.Properties;

/**
 * Netty settings Detour chooses before Netty reads them (they are read once, when Netty's classes load), unless
 * the operator set them with {@code -D} (docs/deploy.md, "Start-up").
 */
final class NettyDefaults {
    /**
     * Netty's buffer allocator emits Flight Recorder events when JFR is present, and its first buffer registers them:
     * about 100 ms and a hundred classes on the first request after start. Nobody records them unless they profile,
     * and then they can turn them back on with {@code -Dio.netty.jfr.enabled=true}.
     */
    static final String JFR_EVENTS = "io.netty.jfr.enabled";

    private NettyDefaults() {
    }

    /** Sets Detour's defaults in {@code properties} (the JVM's system properties) where none is set. */
    static void apply(Properties properties) {
        properties.putIfAbsent(JFR_EVENTS, "false");
    }
}
