import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Slash-command acknowledgement latency under bursts: BURSTS times, CONCURRENCY clients send a signed
 * `/detour status` to POST /slack/events at the same instant (released together by a barrier), then all wait
 * PAUSE_MS. The latency of each is the time from the release to Detour's HTTP answer: the acknowledgement Slack
 * waits for (3 s at most); the answer itself goes to response_url afterwards. Also serves the Slack Web API and
 * the response_url on FAKE_PORT, so Detour talks to something. Prints one latency in nanoseconds per line on
 * stdout (warm-up bursts left out), a summary on stderr. With -Dspread=true the requests of a round are spread
 * evenly over PAUSE_MS instead (CONCURRENCY connections at a steady CONCURRENCY per PAUSE_MS). Run with the JDK:
 *   java [-Dspread=true] bench/CommandLoad.java http://127.0.0.1:18084 SIGNING_SECRET FAKE_PORT CONCURRENCY BURSTS PAUSE_MS
 */
public class CommandLoad {
    private static final int WARM_UP_BURSTS = 10;

    public static void main(String[] args) throws Exception {
        URI events = URI.create(args[0] + "/slack/events");
        String secret = args[1];
        int fakePort = Integer.parseInt(args[2]);
        int concurrency = Integer.parseInt(args[3]);
        int bursts = Integer.parseInt(args[4]);
        long pauseMillis = Long.parseLong(args[5]);
        AtomicInteger answers = startFakeSlack(fakePort);
        String responseUrl = "http://127.0.0.1:" + fakePort + "/response";
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger failures = new AtomicInteger();
        AtomicLong released = new AtomicLong();
        AtomicInteger burst = new AtomicInteger();
        CyclicBarrier start = new CyclicBarrier(concurrency, () -> released.set(System.nanoTime()));
        CyclicBarrier finish = new CyclicBarrier(concurrency, () -> burst.incrementAndGet());
        Thread[] clients = new Thread[concurrency];
        boolean spread = Boolean.getBoolean("spread");
        for (int client = 0; client < concurrency; client++) {
            // Spread: client i sends i/CONCURRENCY of the pause after the release, so the requests of a round
            // come at a steady CONCURRENCY per PAUSE_MS instead of all at once.
            long offset = spread ? client * pauseMillis * 1_000_000L / concurrency : 0;
            clients[client] = new Thread(() -> {
                // One kept-alive connection per client, written and read by hand: the lightest client there is,
                // so the two cores this runs on go to Detour rather than to an HTTP client library.
                try (Socket socket = new Socket(events.getHost(), events.getPort())) {
                    socket.setTcpNoDelay(true);
                    OutputStream out = socket.getOutputStream();
                    InputStream in = new BufferedInputStream(socket.getInputStream());
                    for (int round = 0; round < WARM_UP_BURSTS + bursts; round++) {
                        byte[] request = signed(events, secret, responseUrl);
                        start.await();
                        long due = released.get() + offset;
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        }
                        out.write(request);
                        out.flush();
                        int status = readResponse(in);
                        long nanos = System.nanoTime() - due;
                        if (status != 200) {
                            failures.incrementAndGet();
                        } else if (round >= WARM_UP_BURSTS) {
                            latencies.add(nanos);
                        }
                        finish.await();
                        if (!spread) {
                            Thread.sleep(pauseMillis);
                        }
                    }
                } catch (Exception e) {
                    failures.incrementAndGet();
                }
            });
            clients[client].start();
        }
        for (Thread client : clients) {
            client.join();
        }
        StringBuilder out = new StringBuilder();
        latencies.forEach(nanos -> out.append(nanos).append('\n'));
        System.out.print(out);
        System.err.printf("%d rounds of %d signed /detour status (after %d warm-up bursts): %d acknowledged, %d failed;"
                + " %d answers reached response_url%n", burst.get() - WARM_UP_BURSTS, concurrency, WARM_UP_BURSTS,
                latencies.size(), failures.get(), answers.get());
        System.exit(0);
    }

    /** A slash command exactly as Slack signs it: HMAC-SHA256 over "v0:timestamp:body"; the whole HTTP request. */
    private static byte[] signed(URI events, String secret, String responseUrl) throws Exception {
        String body = "token=bench&team_id=T0BENCH&team_domain=bench&channel_id=C0INCIDENTS&channel_name=incidents"
                + "&user_id=U0ALICE&user_name=alice&command=%2Fdetour&text=" + System.getProperty("text", "status")
                + "&api_app_id=A0BENCH&trigger_id=1.2.3&response_url="
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

    /** Reads one HTTP/1.1 response (Content-Length or chunked body); returns its status. */
    private static int readResponse(InputStream in) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        long length = 0;
        boolean chunked = false;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        if (!chunked) {
            in.skipNBytes(length);
            return status;
        }
        for (long size = Long.parseLong(line(in).trim(), 16); size > 0; size = Long.parseLong(line(in).trim(), 16)) {
            in.skipNBytes(size);
            line(in);
        }
        line(in);
        return status;
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("connection closed");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
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
