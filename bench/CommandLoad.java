import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Slash-command acknowledgement latency: CONCURRENCY clients each send signed `/detour status` requests to
 * POST /slack/events, one after another, for SECONDS; the latency of each is the time until Detour's HTTP answer
 * (the acknowledgement Slack waits for; the answer itself goes to response_url later). Also serves the Slack Web
 * API and the response_url on FAKE_PORT, so Detour talks to something. Prints one latency in nanoseconds per
 * line on stdout, a summary on stderr. Run with the JDK alone:
 *   java bench/CommandLoad.java http://127.0.0.1:18084 SIGNING_SECRET FAKE_PORT CONCURRENCY SECONDS
 */
public class CommandLoad {
    public static void main(String[] args) throws Exception {
        URI events = URI.create(args[0] + "/slack/events");
        String secret = args[1];
        int fakePort = Integer.parseInt(args[2]);
        int concurrency = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        AtomicInteger answers = startFakeSlack(fakePort);
        String responseUrl = "http://127.0.0.1:" + fakePort + "/response";
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(8)).build();

        runFor(http, events, secret, responseUrl, concurrency, 5, new ConcurrentLinkedQueue<>()); // warm-up
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger failures = runFor(http, events, secret, responseUrl, concurrency, seconds, latencies);
        StringBuilder out = new StringBuilder();
        latencies.forEach(nanos -> out.append(nanos).append('\n'));
        System.out.print(out);
        System.err.printf("%d acknowledgements in %d s with %d clients (%d failed), %d answers at response_url%n",
                latencies.size(), seconds, concurrency, failures.get(), answers.get());
        System.exit(0);
    }

    private static AtomicInteger runFor(HttpClient http, URI events, String secret, String responseUrl,
                                        int concurrency, int seconds, ConcurrentLinkedQueue<Long> latencies)
            throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        AtomicInteger failures = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(concurrency);
        for (int client = 0; client < concurrency; client++) {
            new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        long start = System.nanoTime();
                        HttpResponse<Void> response = http.send(signed(events, secret, responseUrl),
                                HttpResponse.BodyHandlers.discarding());
                        long nanos = System.nanoTime() - start;
                        if (response.statusCode() == 200) {
                            latencies.add(nanos);
                        } else {
                            failures.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    failures.incrementAndGet();
                } finally {
                    done.countDown();
                }
            }).start();
        }
        done.await();
        return failures;
    }

    /** A slash command exactly as Slack signs it: HMAC-SHA256 over "v0:timestamp:body". */
    private static HttpRequest signed(URI events, String secret, String responseUrl) throws Exception {
        String body = "token=bench&team_id=T0BENCH&team_domain=bench&channel_id=C0INCIDENTS&channel_name=incidents"
                + "&user_id=U0ALICE&user_name=alice&command=%2Fdetour&text=status&api_app_id=A0BENCH"
                + "&trigger_id=1.2.3&response_url=" + URLEncoder.encode(responseUrl, StandardCharsets.UTF_8);
        String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = "v0=" + HexFormat.of().formatHex(mac.doFinal(("v0:" + timestamp + ":" + body)
                .getBytes(StandardCharsets.UTF_8)));
        return HttpRequest.newBuilder(events).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", timestamp).header("X-Slack-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
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
