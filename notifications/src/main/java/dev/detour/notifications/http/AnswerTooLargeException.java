package dev.detour.notifications.http;

import java.io.IOException;

/**
 * An answer from outside that is larger than Detour reads: refused, whether its {@code Content-Length} said so
 * up front ({@link #announced()}) or it was found while reading.
 *
 * @param statusCode the answer's HTTP status, which arrived before its body
 * @param size the announced length, or the bytes received when reading stopped
 */
public final class AnswerTooLargeException extends IOException {
    private final int statusCode;
    private final long size;
    private final boolean announced;
    private final long limit;

    public AnswerTooLargeException(int statusCode, long size, boolean announced, long limit) {
        super(announced
                ? "answer of " + size + " bytes (Content-Length) is over the limit of " + limit + " bytes"
                : "answer is over the limit of " + limit + " bytes (" + size + " bytes received, no more read)");
        this.statusCode = statusCode;
        this.size = size;
        this.announced = announced;
        this.limit = limit;
    }

    public int statusCode() {
        return statusCode;
    }

    public long size() {
        return size;
    }

    public boolean announced() {
        return announced;
    }

    public long limit() {
        return limit;
    }
}
