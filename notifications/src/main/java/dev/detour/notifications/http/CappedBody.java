package dev.detour.notifications.http;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects an answer's body up to a limit; one byte more and it stops reading (closing the connection) and fails
 * with {@link AnswerTooLargeException}. An announced {@code Content-Length} over the limit fails before any byte.
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final int statusCode;
    private final long announcedLength;
    private final long limit;
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private volatile Flow.Subscription subscription;
    private long size;

    CappedBody(HttpResponse.ResponseInfo info, long limit) {
        this.statusCode = info.statusCode();
        this.announcedLength = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        this.limit = limit;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (announcedLength > limit) {
            subscription.cancel();
            body.completeExceptionally(new AnswerTooLargeException(statusCode, announcedLength, true, limit));
            return;
        }
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (body.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            size += buffer.remaining();
            if (size > limit) {
                subscription.cancel();
                body.completeExceptionally(new AnswerTooLargeException(statusCode, size, false, limit));
                return;
            }
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            received.writeBytes(bytes);
        }
    }

    @Override
    public void onError(Throwable failure) {
        body.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        body.complete(received.toByteArray());
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return body;
    }

    /** Stops reading: the deadline passed. */
    void abandon() {
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
        body.cancel(false);
    }
}
