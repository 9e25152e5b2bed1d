import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * Time from a gateway batch that crosses the error threshold to the flipped OFREP flag: for each of SAMPLES
 * models in turn, POST /signals/gateway with 40 outcomes of which half are 529s (the provider switches its models
 * off by itself: auto-disable), then evaluate model.<id>.enabled over OFREP until it says false. The clock starts
 * before the batch is sent and stops when an evaluation returns false, so it includes the HTTP round trips.
 * Prints one latency in nanoseconds per line. Run with the JDK alone:
 *   java bench/FlipLatency.java http://127.0.0.1:18086 SIGNAL_TOKEN SAMPLES
 */
public class FlipLatency {
    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        int samples = Integer.parseInt(args[2]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int i = 0; i < 500; i++) { // warm-up: JIT and connections
            evaluate(http, base, "model.gpt-5.enabled");
        }
        StringBuilder out = new StringBuilder();
        for (int sample = 0; sample < samples; sample++) {
            String model = String.format("m%03d", sample);
            long start = System.nanoTime();
            send(http, URI.create(base + "/signals/gateway"), token, batch(model));
            while (evaluate(http, base, "model." + model + ".enabled")) {
                if (System.nanoTime() - start > Duration.ofSeconds(30).toNanos()) {
                    throw new IllegalStateException(model + " was not switched off within 30 s");
                }
            }
            out.append(System.nanoTime() - start).append('\n');
            Thread.sleep(50);
        }
        System.out.print(out);
    }

    private static String batch(String model) {
        StringBuilder outcomes = new StringBuilder();
        String at = Instant.now().toString();
        for (int i = 0; i < 40; i++) {
            boolean ok = i % 2 == 0;
            outcomes.append(i == 0 ? "" : ",").append(String.format(
                    "{\"provider\":\"bench\",\"model\":\"%s\",\"ok\":%s,\"status\":%d,\"latencyMs\":%d,\"at\":\"%s\"}",
                    model, ok, ok ? 200 : 529, ok ? 900 : 2400, at));
        }
        return "{\"outcomes\":[" + outcomes + "]}";
    }

    private static void send(HttpClient http, URI uri, String token, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
        }
    }

    /** @return the flag's boolean value now */
    private static boolean evaluate(HttpClient http, String base, String key) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/ofrep/v1/evaluate/flags/"
                + key)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"context\":{\"targetingKey\":\"bench\"}}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode() + " for " + key + ": " + response.body());
        }
        return response.body().contains("\"value\":true");
    }
}
