import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load generator for POST /signals/gateway: CONCURRENCY senders post batches of BATCH outcomes (about 2% of them
 * 529s, spread over the example config's models, so no model crosses a threshold) for SECONDS, and print the
 * accepted outcomes per second every REPORT seconds, then the total. Run with the JDK alone:
 *   java bench/GatewayLoad.java http://127.0.0.1:18081 TOKEN SECONDS CONCURRENCY BATCH REPORT
 */
public class GatewayLoad {
    private static final String[][] MODELS = {
            {"anthropic", "claude-opus-4-8"}, {"anthropic", "claude-opus-4-7"}, {"anthropic", "claude-sonnet-4-6"},
            {"openai", "gpt-5"}};

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0] + "/signals/gateway");
        String token = args[1];
        long seconds = Long.parseLong(args[2]);
        int concurrency = Integer.parseInt(args[3]);
        int batch = Integer.parseInt(args[4]);
        long report = Long.parseLong(args[5]);

        List<byte[]> bodies = bodies(batch, 16);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AtomicLong accepted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Thread> senders = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            int offset = i;
            Thread sender = new Thread(() -> {
                int n = offset;
                while (System.nanoTime() < end) {
                    HttpRequest request = HttpRequest.newBuilder(url)
                            .header("Content-Type", "application/json")
                            .header("Authorization", "Bearer " + token)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(n++ % bodies.size())))
                            .build();
                    try {
                        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() == 202) {
                            accepted.addAndGet(batch);
                        } else {
                            refused.incrementAndGet();
                        }
                    } catch (Exception e) {
                        refused.incrementAndGet();
                    }
                }
            });
            sender.start();
            senders.add(sender);
        }
        long started = System.nanoTime();
        long previous = 0;
        while (System.nanoTime() < end) {
            Thread.sleep(report * 1000);
            long now = accepted.get();
            System.out.printf("t=%4ds  %,10d outcomes/s%n", (System.nanoTime() - started) / 1_000_000_000L,
                    (now - previous) / report);
            previous = now;
        }
        for (Thread sender : senders) {
            sender.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        System.out.printf("total: %,d outcomes in %.1f s = %,.0f outcomes/s; %d requests refused or failed%n",
                accepted.get(), elapsed, accepted.get() / elapsed, refused.get());
    }

    private static List<byte[]> bodies(int batch, int count) {
        Random random = new Random(1);
        List<byte[]> bodies = new ArrayList<>();
        for (int b = 0; b < count; b++) {
            StringBuilder body = new StringBuilder(batch * 130).append("{\"outcomes\":[");
            for (int i = 0; i < batch; i++) {
                String[] model = MODELS[random.nextInt(MODELS.length)];
                boolean failed = random.nextInt(50) == 0;
                body.append(i == 0 ? "" : ",").append("{\"provider\":\"").append(model[0]).append("\",\"model\":\"")
                        .append(model[1]).append("\",\"ok\":").append(!failed).append(",\"status\":")
                        .append(failed ? 529 : 200).append(",\"latencyMs\":").append(200 + random.nextInt(3000))
                        .append(",\"at\":\"2026-06-07T07:12:03Z\"}");
            }
            bodies.add(body.append("]}").toString().getBytes(StandardCharsets.UTF_8));
        }
        return bodies;
    }
}
