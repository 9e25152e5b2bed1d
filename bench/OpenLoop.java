import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Locale;

/**
 * Open-loop HTTP load at a fixed rate (what wrk2 does; Debian has no wrk2): RATE POSTs per second for SECONDS
 * over CONNECTIONS keep-alive connections, one request in flight per connection, from one thread with
 * non-blocking sockets so the generator itself costs little CPU. Sends are due on a fixed schedule; a request
 * that finds no free connection waits in a queue, and every latency counts from the request's scheduled time,
 * so a stall in the server shows in the figures instead of slowing the load down (no coordinated omission).
 * The first WARMUP seconds run at the same rate and are not counted. Prints p50/p90/p99/p99.9/max.
 *   java bench/OpenLoop.java URL RATE SECONDS [CONNECTIONS] [WARMUP] [TOKEN] [BODY]
 */
public class OpenLoop {
    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int connections = args.length > 3 ? Integer.parseInt(args[3]) : 64;
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 10;
        String token = args.length > 5 ? args[5] : "bench-token";
        String body = args.length > 6 ? args[6] : "{\"context\":{\"targetingKey\":\"user-4711\"}}";
        byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
        byte[] request = ("POST " + url.getRawPath() + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort()
                + "\r\nContent-Type: application/json\r\nAuthorization: Bearer " + token
                + "\r\nContent-Length: " + bodyBytes.length + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8);

        Selector selector = Selector.open();
        ArrayDeque<Connection> idle = new ArrayDeque<>();
        for (int i = 0; i < connections; i++) {
            SocketChannel channel = SocketChannel.open(new InetSocketAddress(url.getHost(), url.getPort()));
            channel.socket().setTcpNoDelay(true);
            channel.configureBlocking(false);
            Connection connection = new Connection(channel);
            channel.register(selector, SelectionKey.OP_READ, connection);
            idle.add(connection);
        }

        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime() + 10_000_000L;
        long measuredFrom = start + warmup * 1_000_000_000L;
        long total = (long) rate * (warmup + seconds);
        int measuredCount = rate * seconds;
        long[] latencies = new long[measuredCount];
        int recorded = 0;
        long errors = 0;
        long sent = 0;
        long completed = 0;
        ArrayDeque<Long> waiting = new ArrayDeque<>(); // due times of requests that found no free connection
        while (completed < total) {
            long now = System.nanoTime();
            while (sent < total && start + sent * interval <= now) {
                waiting.add(start + sent * interval);
                sent++;
            }
            while (!waiting.isEmpty() && !idle.isEmpty()) {
                Connection connection = idle.poll();
                connection.send(request, waiting.poll());
            }
            long nextDue = sent < total ? start + sent * interval : now + 1_000_000L;
            long waitNanos = Math.max(0, nextDue - System.nanoTime());
            if (waitNanos > 50_000) {
                selector.select(Math.max(1, waitNanos / 1_000_000L));
            } else {
                selector.selectNow();
            }
            for (SelectionKey key : selector.selectedKeys()) {
                Connection connection = (Connection) key.attachment();
                int status = connection.read();
                if (status != 0) {
                    long done = System.nanoTime();
                    completed++;
                    if (status != 200) {
                        errors++;
                    }
                    if (connection.due >= measuredFrom && recorded < measuredCount) {
                        latencies[recorded++] = done - connection.due;
                    }
                    idle.add(connection);
                }
            }
            selector.selectedKeys().clear();
        }
        long[] measured = Arrays.copyOf(latencies, recorded);
        Arrays.sort(measured);
        System.out.printf(Locale.ROOT, "open loop %d/s for %d s over %d connections (after %d s warm-up): %d requests,"
                        + " %d not 200; p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms%n",
                rate, seconds, connections, warmup, recorded, errors, at(measured, 0.50), at(measured, 0.90),
                at(measured, 0.99), at(measured, 0.999), measured[measured.length - 1] / 1e6);
    }

    private static double at(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    /** One keep-alive connection with at most one request in flight; reads a response with a Content-Length. */
    private static final class Connection {
        private final SocketChannel channel;
        private final ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        private long due;

        Connection(SocketChannel channel) {
            this.channel = channel;
        }

        void send(byte[] request, long dueAt) throws IOException {
            due = dueAt;
            ByteBuffer out = ByteBuffer.wrap(request);
            while (out.hasRemaining()) {
                channel.write(out);
            }
        }

        /** The status once a whole response is in, else 0. */
        int read() throws IOException {
            if (channel.read(in) < 0) {
                throw new IOException("the server closed a connection");
            }
            byte[] bytes = in.array();
            int length = in.position();
            int headerEnd = -1;
            for (int i = 3; i < length; i++) {
                if (bytes[i] == '\n' && bytes[i - 1] == '\r' && bytes[i - 2] == '\n' && bytes[i - 3] == '\r') {
                    headerEnd = i + 1;
                    break;
                }
            }
            if (headerEnd < 0) {
                return 0;
            }
            String head = new String(bytes, 0, headerEnd, StandardCharsets.ISO_8859_1);
            int contentLength = 0;
            for (String line : head.split("\r\n")) {
                if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
                    contentLength = Integer.parseInt(line.substring(15).trim());
                }
            }
            if (length < headerEnd + contentLength) {
                return 0;
            }
            int status = Integer.parseInt(head.substring(9, 12));
            int rest = length - headerEnd - contentLength;
            System.arraycopy(bytes, headerEnd + contentLength, bytes, 0, rest);
            in.position(rest);
            return status;
        }
    }
}
