import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * OFREP latency at a fixed rate: RATE single-flag evaluations per second for SECONDS (requests start on
 * schedule whether or not earlier ones finished, so a slow server cannot hide its latency), then BULK bulk
 * evaluations back to back. Prints p50/p90/p99/max per kind. Run with the JDK alone:
 *   java bench/OfrepLoad.java http://127.0.0.1:18082 RATE SECONDS BULK
 */
public class OfrepLoad {
    private static final String[] KEYS = {"model.claude-opus-4-8.enabled", "model.gpt-5.enabled",
            "route.meeting-summary", "route.code-migration", "provider.anthropic.enabled"};

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int bulk = Integer.parseInt(args[3]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService pool = Executors.newFixedThreadPool(32);

        // Warm-up: JIT and connections.
        for (int i = 0; i < 2000; i++) {
            send(http, base + "/ofrep/v1/evaluate/flags/" + KEYS[i % KEYS.length]);
        }
        int total = rate * seconds;
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime() + 10_000_000L;
        List<Future<Long>> results = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            String url = base + "/ofrep/v1/evaluate/flags/" + KEYS[i % KEYS.length];
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            results.add(pool.submit(() -> {
                send(http, url);
                return System.nanoTime() - due; // from when it should have started: no coordinated omission
            }));
        }
        long[] single = new long[total];
        for (int i = 0; i < total; i++) {
            single[i] = results.get(i).get();
        }
        double achieved = total / ((System.nanoTime() - start) / 1e9);
        report("single", single, String.format("%d requests at %d/s (achieved %.0f/s)", total, rate, achieved));

        long[] bulkLatency = new long[bulk];
        long bulkStart = System.nanoTime();
        for (int i = 0; i < bulk; i++) {
            long t = System.nanoTime();
            send(http, base + "/ofrep/v1/evaluate/flags");
            bulkLatency[i] = System.nanoTime() - t;
        }
        double bulkRate = bulk / ((System.nanoTime() - bulkStart) / 1e9);
        report("bulk", bulkLatency, String.format("%d requests back to back, %.0f/s", bulk, bulkRate));
        pool.shutdownNow();
    }

    private static void send(HttpClient http, String url) throws Exception {
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString("{\"context\":{\"targetingKey\":\"bench\"}}")).build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode() + " from " + url);
        }
    }

    private static void report(String kind, long[] nanos, String what) {
        Arrays.sort(nanos);
        System.out.printf("%s: %s: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n", kind, what,
                at(nanos, 0.50), at(nanos, 0.90), at(nanos, 0.99), nanos[nanos.length - 1] / 1e6);
    }

    private static double at(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
