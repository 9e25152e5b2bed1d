package dev.detour.bot.signals;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A status page at its worst, over real HTTP: a {@code summary.json} far too large, announced or not, or sent one
 * byte a second. It writes until the reader hangs up.
 */
public final class HostileProviderStatusPage implements AutoCloseable {
    public static final long ONE_GIGABYTE = 1L << 30;

    public enum Behaviour {
        /** {@code Content-Length: 1073741824}, then the bytes. */
        ANNOUNCES_A_GIGABYTE,
        /** A chunked body of a gigabyte, with no length announced. */
        STREAMS_A_GIGABYTE,
        /** One byte a second for ten seconds, no length announced. */
        DRIPS_ONE_BYTE_A_SECOND
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "hostile-status-page");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger hungUpOn = new AtomicInteger();

    public HostileProviderStatusPage(Behaviour behaviour) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(threads); // each reader on a thread of its own: a dripping answer blocks no other
        server.createContext("/api/v2/summary.json", exchange -> {
            requests.incrementAndGet();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            try (OutputStream out = exchange.getResponseBody()) {
                switch (behaviour) {
                    case ANNOUNCES_A_GIGABYTE -> {
                        exchange.sendResponseHeaders(200, ONE_GIGABYTE);
                        write(out, ONE_GIGABYTE);
                    }
                    case STREAMS_A_GIGABYTE -> {
                        exchange.sendResponseHeaders(200, 0);
                        write(out, ONE_GIGABYTE);
                    }
                    case DRIPS_ONE_BYTE_A_SECOND -> {
                        exchange.sendResponseHeaders(200, 0);
                        for (int i = 0; i < 10; i++) {
                            out.write(' ');
                            out.flush();
                            Thread.sleep(1_000);
                        }
                    }
                }
            } catch (IOException | InterruptedException e) {
                hungUpOn.incrementAndGet(); // the reader went away, as it should
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    private static void write(OutputStream out, long bytes) throws IOException {
        byte[] spaces = new byte[64 * 1024];
        Arrays.fill(spaces, (byte) ' ');
        for (long sent = 0; sent < bytes; sent += spaces.length) {
            out.write(spaces, 0, (int) Math.min(spaces.length, bytes - sent));
        }
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public int requests() {
        return requests.get();
    }

    /** How many readers hung up before the answer was complete. */
    public int hungUpOn() {
        return hungUpOn.get();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
