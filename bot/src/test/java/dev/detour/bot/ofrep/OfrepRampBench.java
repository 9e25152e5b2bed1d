package dev.detour.bot.ofrep;

import dev.detour.bot.slack.SignedSlack;
import dev.detour.bot.testing.CleanSlate;
import dev.detour.bot.testing.RampedStatus;
import dev.detour.incidents.application.AvailabilityService;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.queries.CurrentFlags;
import dev.detour.incidents.recovery.RampShare;
import dev.detour.notifications.testing.FakeSlack;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.detour.incidents.SeedCatalog.OPUS_48;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Benchmark, not a test (its name matches neither {@code *Test} nor {@code *IT}, so no build runs it):
 * single-flag OFREP evaluation throughput of {@code model.claude-opus-4-8.enabled} with a ramp on that model
 * (reason {@code SPLIT}: the targeting key is read and hashed) against the same flag without one (reason
 * {@code STATIC}), alternating round by round in one run so both see the same machine. Run by
 * {@code bench/ofrep-ramp.sh}; figures in bench/RESULTS.md.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfrepRampBench implements TestPropertyProvider {
    private static final String FLAG = "model.claude-opus-4-8.enabled";
    private static final int ROUNDS = Integer.parseInt(System.getenv().getOrDefault("ROUNDS", "6"));
    private static final int SECONDS = Integer.parseInt(System.getenv().getOrDefault("ROUND_SECONDS", "10"));
    private static final int CLIENTS = Integer.parseInt(System.getenv().getOrDefault("CLIENTS", "8"));
    private static final int KEYS = 10_000;

    private final FakeSlack slack = FakeSlack.start(SignedSlack.BOT_TOKEN);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);

    @Inject
    EmbeddedServer server;
    @Inject
    CleanSlate cleanSlate;
    @Inject
    AvailabilityService availability;
    @Inject
    RampedStatus ramped;
    @Inject
    CurrentFlags flags;

    @Override
    public Map<String, String> getProperties() {
        slack.addChannel("C0INCIDENTS", true);
        Map<String, String> properties = new HashMap<>(SignedSlack.properties(slack));
        properties.put(RampedStatus.PROPERTY, "true");
        return properties;
    }

    @AfterAll
    void stop() {
        pool.shutdownNow();
        slack.close();
    }

    @Test
    void singleFlagThroughputWithARampAndWithout() throws Exception {
        cleanSlate.restoreAndAwaitDelivery();
        availability.disable(List.of(Target.model(OPUS_48)), Actor.user(SignedSlack.ALICE), Optional.of("bench"));
        RampShare ramp = new RampShare(Target.model(OPUS_48), 50, 2, Instant.now(), Optional.empty());
        StringBuilder report = new StringBuilder(String.format(
                "single-flag OFREP evaluations of %s, %d client threads, %d rounds of %d s per variant%n",
                FLAG, CLIENTS, ROUNDS, SECONDS));
        variant(List.of(ramp), "warm-up");
        rate(SECONDS);
        variant(List.of(), "warm-up");
        rate(SECONDS);
        List<Double> without = new ArrayList<>();
        List<Double> with = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            boolean rampFirst = round % 2 == 0;
            for (boolean ramping : rampFirst ? new boolean[] {true, false} : new boolean[] {false, true}) {
                String reason = variant(ramping ? List.of(ramp) : List.of(), ramping ? "SPLIT" : "STATIC");
                double rate = rate(SECONDS);
                (ramping ? with : without).add(rate);
                report.append(String.format("round %d %-7s %s %,.0f evaluations/s%n", round,
                        ramping ? "ramp" : "no ramp", reason, rate));
            }
        }
        double medianWithout = median(without);
        double medianWith = median(with);
        report.append(String.format("median without a ramp %,.0f/s, with a ramp %,.0f/s: ratio %.3f%n",
                medianWithout, medianWith, medianWith / medianWithout));
        System.out.print(report);
        Files.writeString(Path.of("target", "ofrep-ramp-bench.txt"), report);
    }

    /** Puts the ramps in, and checks the flag answers with the reason they give. */
    private String variant(List<RampShare> ramps, String expected) throws Exception {
        ramped.ramps(ramps);
        flags.refresh();
        String body = send("user-1").body();
        String reason = expected.equals("warm-up") ? expected : body.replaceAll(".*\"reason\":\"([A-Z]+)\".*", "$1");
        if (!expected.equals("warm-up")) {
            assertEquals(expected, reason, body);
        }
        return reason;
    }

    /** Evaluations per second, closed loop: each client thread sends its next request when the last is answered. */
    private double rate(int seconds) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        List<Future<Long>> counts = new ArrayList<>();
        long start = System.nanoTime();
        for (int client = 0; client < CLIENTS; client++) {
            int first = client;
            counts.add(pool.submit(() -> {
                long sent = 0;
                for (int i = first; running.get(); i += CLIENTS) {
                    HttpResponse<String> response = send("user-" + (i % KEYS));
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(response.body());
                    }
                    sent++;
                }
                return sent;
            }));
        }
        Thread.sleep(seconds * 1000L);
        running.set(false);
        long total = 0;
        for (Future<Long> count : counts) {
            total += count.get();
        }
        return total / ((System.nanoTime() - start) / 1e9);
    }

    /** One evaluation; a keep-alive connection closed under the request is retried once, as clients do. */
    private HttpResponse<String> send(String targetingKey) throws Exception {
        try {
            return sendOnce(targetingKey);
        } catch (java.io.IOException closed) {
            return sendOnce(targetingKey);
        }
    }

    private HttpResponse<String> sendOnce(String targetingKey) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/ofrep/v1/evaluate/flags/" + FLAG))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"context\":{\"targetingKey\":\"" + targetingKey + "\"}}"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static double median(List<Double> rates) {
        List<Double> sorted = rates.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
