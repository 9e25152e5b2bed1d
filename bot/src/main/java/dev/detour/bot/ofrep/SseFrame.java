package dev.detour.bot.ofrep;

import java.nio.charset.StandardCharsets;

/**
 * One server-sent-events frame as written on the wire: either OFREP's change event (its {@code id} is the flag
 * snapshot's ETag, so a reconnecting client's {@code Last-Event-ID} says what it last saw) or a comment that keeps
 * idle connections open through proxies.
 */
sealed interface SseFrame {
    byte[] bytes();

    /** {@code {"type":"refetchEvaluation","etag":...}}: the flags changed, fetch them again. */
    record Refetch(String etag) implements SseFrame {
        @Override
        public byte[] bytes() {
            String quoted = etag.replace("\\", "\\\\").replace("\"", "\\\"");
            return ("id: " + etag + "\ndata: {\"type\":\"refetchEvaluation\",\"etag\":\"" + quoted + "\"}\n\n")
                    .getBytes(StandardCharsets.UTF_8);
        }
    }

    /** A comment line: clients ignore it. */
    record Heartbeat() implements SseFrame {
        private static final byte[] BYTES = ": heartbeat\n\n".getBytes(StandardCharsets.UTF_8);

        @Override
        public byte[] bytes() {
            return BYTES.clone();
        }
    }
}
