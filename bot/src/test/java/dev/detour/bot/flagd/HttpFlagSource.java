package dev.detour.bot.flagd;

import dev.openfeature.contrib.providers.flagd.resolver.process.storage.connector.QueuePayload;
import dev.openfeature.contrib.providers.flagd.resolver.process.storage.connector.QueuePayloadType;
import dev.openfeature.contrib.providers.flagd.resolver.process.storage.connector.QueueSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * flagd's HTTP sync as flagd does it (a {@code provider: http} source: poll the URI every {@code interval}, send
 * the last {@code ETag} as {@code If-None-Match} and {@code authHeader} as {@code Authorization}, hand each new
 * document to the evaluator), for the Java flagd provider 0.11.15, which syncs in process from a file or gRPC
 * only. The evaluation itself is flagd's own.
 */
final class HttpFlagSource implements QueueSource {
    private final HttpClient http = HttpClient.newHttpClient();
    private final BlockingQueue<QueuePayload> queue = new LinkedBlockingQueue<>();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();
    private final URI uri;
    private final String authHeader;
    private final Duration interval;
    private final AtomicInteger notModified = new AtomicInteger();
    private volatile String etag;

    HttpFlagSource(URI uri, String authHeader, Duration interval) {
        this.uri = uri;
        this.authHeader = authHeader;
        this.interval = interval;
    }

    @Override
    public void init() {
        poller.scheduleWithFixedDelay(this::poll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Polls answered 304 so far. */
    int notModified() {
        return notModified.get();
    }

    private void poll() {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
                .header("Authorization", authHeader).GET();
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 304) {
                notModified.incrementAndGet();
            } else if (response.statusCode() == 200) {
                etag = response.headers().firstValue("ETag").orElse(null);
                queue.add(new QueuePayload(QueuePayloadType.DATA, response.body()));
            } else {
                queue.add(new QueuePayload(QueuePayloadType.ERROR, "HTTP " + response.statusCode()));
            }
        } catch (Exception e) {
            queue.add(new QueuePayload(QueuePayloadType.ERROR, String.valueOf(e)));
        }
    }

    @Override
    public BlockingQueue<QueuePayload> getStreamQueue() {
        return queue;
    }

    @Override
    public void shutdown() {
        poller.shutdownNow();
    }
}
