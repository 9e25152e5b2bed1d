import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Slash-command acknowledgement latency under bursts: BURSTS times, a signed `/detour status` goes to POST
 * /slack/events on each of CONCURRENCY connections at the same instant (one thread writes them all, then reads
 * the answers as they come), then PAUSE_MS pass. The latency of each is the time from the release to Detour's
 * HTTP answer: the acknowledgement Slack waits for (3 s at most); the answer itself goes to response_url
 * afterwards. Also serves the Slack Web API and the response_url on FAKE_PORT, so Detour talks to something.
 * Prints one latency in nanoseconds per line on stdout (the warm-up bursts, -Dwarmup=100, left out), a summary on
 * stderr. With -Dspread=true the requests of a round are spread evenly over PAUSE_MS instead (CONCURRENCY
 * connections at a steady CONCURRENCY per PAUSE_MS). Run with the JDK:
 *   java [-Dspread=true] bench/CommandLoad.java http://127.0.0.1:18084 SIGNING_SECRET FAKE_PORT CONCURRENCY BURSTS PAUSE_MS
 */
public class CommandLoad {
    private static final int WARM_UP_BURSTS = Integer.getInteger("warmup", 100);

    public static void main(String[] args) throws Exception {
        URI events = URI.create(args[0] + "/slack/events");
        String secret = args[1];
        int fakePort = Integer.parseInt(args[2]);
        int concurrency = Integer.parseInt(args[3]);
        int bursts = Integer.parseInt(args[4]);
        long pauseNanos = Long.parseLong(args[5]) * 1_000_000L;
        boolean spread = Boolean.getBoolean("spread");
        AtomicInteger answers = startFakeSlack(fakePort);
        String responseUrl = "http://127.0.0.1:" + fakePort + "/response";

        // One kept-alive connection per simulated Slack delivery, all driven by this one thread through a selector:
        // the lightest client there is, so the two cores this runs on go to Detour rather than to client threads.
        Selector selector = Selector.open();
        Connection[] connections = new Connection[concurrency];
        for (int i = 0; i < concurrency; i++) {
            SocketChannel channel = SocketChannel.open(new InetSocketAddress(events.getHost(), events.getPort()));
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.configureBlocking(false);
            connections[i] = new Connection(channel);
            channel.register(selector, SelectionKey.OP_READ, connections[i]);
        }
        List<Long> latencies = new ArrayList<>();
        int failures = 0;
        for (int round = 0; round < WARM_UP_BURSTS + bursts; round++) {
            ByteBuffer[] requests = new ByteBuffer[concurrency];
            for (int i = 0; i < concurrency; i++) {
                requests[i] = ByteBuffer.wrap(signed(events, secret, responseUrl, round * concurrency + i));
            }
            long released = System.nanoTime();
            int next = 0;
            int pending = concurrency;
            while (pending > 0) {
                long now = System.nanoTime();
                // Spread: request i is due i/CONCURRENCY of the pause after the release, a steady rate; else all now.
                while (next < concurrency && released + (spread ? next * pauseNanos / concurrency : 0) <= now) {
                    connections[next].send(requests[next], released + (spread ? next * pauseNanos / concurrency : 0));
                    next++;
                }
                if (now - released > 30_000_000_000L) {
                    throw new IllegalStateException("round " + round + ": " + pending
                            + " requests unanswered after 30 s");
                }
                long untilNext = next < concurrency
                        ? released + next * pauseNanos / concurrency - System.nanoTime() : 100_000_000L;
                if (untilNext < 1_000_000L) {
                    selector.selectNow();
                } else {
                    selector.select(untilNext / 1_000_000L);
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    Connection connection = (Connection) key.attachment();
                    int status = connection.read();
                    if (status == 0) {
                        continue; // the response is not complete yet
                    }
                    pending--;
                    if (status != 200) {
                        failures++;
                    } else if (round >= WARM_UP_BURSTS) {
                        latencies.add(connection.answeredAt - connection.due);
                    }
                }
                selector.selectedKeys().clear();
            }
            if (!spread) {
                // Warm-up bursts come faster: they are there for the JIT compiler, which counts calls, not time.
                Thread.sleep(round < WARM_UP_BURSTS ? Math.min(250, pauseNanos / 1_000_000L) : pauseNanos / 1_000_000L);
            }
        }
        Thread.sleep(2000); // the last answers to response_url
        StringBuilder out = new StringBuilder();
        latencies.forEach(nanos -> out.append(nanos).append('\n'));
        System.out.print(out);
        System.err.printf("%d rounds of %d signed /detour %s (after %d warm-up bursts): %d acknowledged, %d failed;"
                + " %d answers reached response_url%n", bursts, concurrency, System.getProperty("text", "status"),
                WARM_UP_BURSTS, latencies.size(), failures, answers.get());
        System.exit(0);
    }

    /** One connection to Detour: writes a request, then collects one HTTP/1.1 response as it arrives. */
    private static final class Connection {
        private final SocketChannel channel;
        private ByteBuffer received = ByteBuffer.allocate(64 * 1024);
        long due;
        long answeredAt;

        Connection(SocketChannel channel) {
            this.channel = channel;
        }

        void send(ByteBuffer request, long due) throws IOException {
            this.due = due;
            while (request.hasRemaining()) {
                channel.write(request); // a few hundred bytes into an empty socket buffer: written at once
            }
        }

        /** @return the status once a whole response is in, else 0 */
        int read() throws IOException {
            if (channel.read(received) < 0) {
                throw new EOFException("Detour closed a connection");
            }
            String text = new String(received.array(), 0, received.position(), StandardCharsets.ISO_8859_1);
            int headEnd = text.indexOf("\r\n\r\n");
            if (headEnd < 0) {
                return 0;
            }
            String head = text.substring(0, headEnd).toLowerCase(Locale.ROOT);
            int bodyStart = headEnd + 4;
            int end;
            if (head.contains("transfer-encoding: chunked")) {
                int last = text.indexOf("\r\n0\r\n\r\n", bodyStart - 2);
                if (last < 0) {
                    return 0;
                }
                end = last + 7;
            } else {
                int at = head.indexOf("content-length:");
                int length = at < 0 ? 0 : Integer.parseInt(head.substring(at + 15).split("\r\n")[0].trim());
                end = bodyStart + length;
                if (text.length() < end) {
                    return 0;
                }
            }
            answeredAt = System.nanoTime();
            int status = Integer.parseInt(head.split(" ")[1]);
            received = ByteBuffer.allocate(received.capacity()).put(received.array(), end, received.position() - end);
            return status;
        }
    }

    /**
     * A slash command exactly as Slack signs it: HMAC-SHA256 over "v0:timestamp:body"; the whole HTTP request. Each
     * has its own trigger id, as each of Slack's does: Detour takes a signature only once (a repeat is a replay).
     */
    private static byte[] signed(URI events, String secret, String responseUrl, int number) throws Exception {
        String body = "token=bench&team_id=T0BENCH&team_domain=bench&channel_id=C0INCIDENTS&channel_name=incidents"
                + "&user_id=U0ALICE&user_name=alice&command=%2Fdetour&text=" + System.getProperty("text", "status")
                + "&api_app_id=A0BENCH&trigger_id=1.2." + number + "&response_url="
                + URLEncoder.encode(responseUrl, StandardCharsets.UTF_8);
        String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = "v0=" + HexFormat.of().formatHex(mac.doFinal(("v0:" + timestamp + ":" + body)
                .getBytes(StandardCharsets.UTF_8)));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + events.getPath() + " HTTP/1.1\r\nHost: " + events.getHost() + ":" + events.getPort()
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + bytes.length
                + "\r\nX-Slack-Request-Timestamp: " + timestamp + "\r\nX-Slack-Signature: " + signature
                + "\r\nUser-Agent: Slackbot 1.0 (+https://api.slack.com/robots)\r\n\r\n";
        byte[] request = new byte[head.length() + bytes.length];
        System.arraycopy(head.getBytes(StandardCharsets.US_ASCII), 0, request, 0, head.length());
        System.arraycopy(bytes, 0, request, head.length(), bytes.length);
        return request;
    }

    /** Just enough Slack for Detour: every Web API method says ok, and response_url takes the answers. */
    private static AtomicInteger startFakeSlack(int port) throws Exception {
        AtomicInteger answers = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
        server.createContext("/api/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = ("{\"ok\":true,\"user_id\":\"U0BOT\",\"team_id\":\"T0BENCH\",\"bot_id\":\"B0BOT\","
                    + "\"channel\":\"C0INCIDENTS\",\"ts\":\"1760000000.000100\",\"users\":[]}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/response", exchange -> {
            exchange.getRequestBody().readAllBytes();
            answers.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        return answers;
    }
}
