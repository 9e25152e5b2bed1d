package dev.detour.notifications.http;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends a request to a system outside Detour and reads its answer with a size limit and one deadline for the
 * whole exchange. The JDK's request timeout only covers the wait for the headers: a server that then sends its
 * body one byte a second held a reader for minutes, and a body read whole into memory had no limit at all.
 */
public final class BoundedHttp {
    private final HttpClient client;

    public BoundedHttp(HttpClient client) {
        this.client = client;
    }

    /**
     * @param limit the most body bytes read; a longer answer is refused with {@link AnswerTooLargeException}
     * @param deadline for connecting, sending, and reading the headers and the whole body; past it, the exchange is
     *                 abandoned with an {@link HttpTimeoutException}
     */
    public HttpResponse<byte[]> send(HttpRequest request, long limit, Duration deadline)
            throws IOException, InterruptedException {
        AtomicReference<CappedBody> reading = new AtomicReference<>();
        CompletableFuture<HttpResponse<byte[]>> answer = client.sendAsync(request, info -> {
            CappedBody body = new CappedBody(info, limit);
            reading.set(body);
            return body;
        });
        try {
            return answer.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            abandon(answer, reading.get());
            throw new HttpTimeoutException("no complete answer within " + readable(deadline));
        } catch (InterruptedException e) {
            abandon(answer, reading.get());
            throw e;
        } catch (ExecutionException e) {
            throw asIOException(e.getCause());
        }
    }

    private static void abandon(CompletableFuture<?> answer, CappedBody body) {
        if (body != null) {
            body.abandon();
        }
        answer.cancel(true);
    }

    private static IOException asIOException(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AnswerTooLargeException tooLarge) {
                return tooLarge;
            }
        }
        if (failure instanceof IOException io) {
            return io;
        }
        if (failure instanceof CancellationException) {
            return new IOException("abandoned");
        }
        return new IOException(failure);
    }

    static String readable(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
