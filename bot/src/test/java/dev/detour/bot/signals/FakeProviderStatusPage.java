package dev.detour.bot.signals;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** An Atlassian Statuspage's {@code /api/v2/summary.json} over real HTTP, with ETags and 304s like the real one. */
final class FakeProviderStatusPage implements AutoCloseable {
    private final HttpServer server;
    private final AtomicReference<String> summary = new AtomicReference<>("{}");
    private final AtomicInteger version = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger notModified = new AtomicInteger();
    private volatile int failWith;

    FakeProviderStatusPage() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/api/v2/summary.json", exchange -> {
            requests.incrementAndGet();
            String etag = "\"v" + version.get() + "\"";
            int status;
            byte[] body = new byte[0];
            if (failWith != 0) {
                status = failWith;
            } else if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                status = 304;
                notModified.incrementAndGet();
            } else {
                status = 200;
                body = summary.get().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
            }
            exchange.getResponseHeaders().set("ETag", etag);
            exchange.sendResponseHeaders(status, status == 304 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    void serve(String json) {
        summary.set(json);
        version.incrementAndGet();
    }

    void failWith(int status) {
        failWith = status;
    }

    int requests() {
        return requests.get();
    }

    int notModified() {
        return notModified.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
