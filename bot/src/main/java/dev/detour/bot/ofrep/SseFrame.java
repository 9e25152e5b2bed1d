package dev.detour.bot.ofrep;

import java.nio.charset.StandardCharsets;

/**
 * One server-sent-events frame as written on the wire: either OFREP's change event (its {@code id} is the flag
 * snapshot's ETag, so a reconnecting client's {@code Last-Event-ID} says what it last saw) or a comment that keeps
 * idle connections open through proxies.
 */
sealed interface SseFrame {
    byte[] bytes();

    /**
     * {@code {"type":"refetchEvaluation","etag":...}}: the flags changed, fetch them again. Built once per change
     * and handed to every stream.
     */
    record Refetch(String etag, byte[] encoded) implements SseFrame {
        static Refetch of(String etag) {
            String quoted = etag.replace("\\", "\\\\").replace("\"", "\\\"");
            return new Refetch(etag, ("id: " + etag + "\ndata: {\"type\":\"refetchEvaluation\",\"etag\":\""
                    + quoted + "\"}\n\n").getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public byte[] bytes() {
            return encoded.clone();
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
