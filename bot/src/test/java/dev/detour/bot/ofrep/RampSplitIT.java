package dev.detour.bot.ofrep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.detour.bot.slack.SignedSlack;
import dev.detour.bot.testing.CleanSlate;
import dev.detour.bot.testing.RampedStatus;
import dev.detour.incidents.application.AvailabilityService;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.queries.CurrentFlags;
import dev.detour.incidents.recovery.RampShare;
import dev.detour.incidents.testing.Await;
import dev.detour.incidents.testing.SeedConfigFactory;
import dev.detour.notifications.testing.FakeSlack;
import dev.openfeature.contrib.providers.flagd.Config;
import dev.openfeature.contrib.providers.flagd.FlagdOptions;
import dev.openfeature.contrib.providers.flagd.FlagdProvider;
import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.OpenFeatureAPI;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.detour.incidents.SeedCatalog.OPUS_48;
import static dev.detour.incidents.SeedCatalog.SONNET_46;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A model coming back 10 % -> 50 % -> 100 % (docs/flags.md, "While a target ramps"), read by 10,000 targeting keys
 * through OFREP over real HTTP at each step, and through the flagd file the sink writes, evaluated by flagd's own
 * evaluator (the Java flagd provider in in-process mode on that file): the share that is in matches the step, a key
 * in stays in, and OFREP and flagd put every key in the same bucket. The ramps come from {@link RampedStatus}.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RampSplitIT implements TestPropertyProvider {
    private static final int KEYS = 10_000;
    private static final String MODEL_FLAG = "model.claude-opus-4-8.enabled";
    private static final String ROUTE_FLAG = "route.meeting-summary";
    private static final Actor ON_CALL = Actor.user(SignedSlack.ALICE);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeSlack slack = FakeSlack.start(SignedSlack.BOT_TOKEN);
    private final Path flagFile = temporaryFolder().resolve("flags.json");
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ExecutorService clients = Executors.newFixedThreadPool(8);

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
        properties.put(SeedConfigFactory.FILE_SINK, flagFile.toString());
        properties.put(RampedStatus.PROPERTY, "true");
        return properties;
    }

    @BeforeEach
    @AfterEach
    void noRampAndEverythingOn() {
        ramped.ramps(List.of());
        cleanSlate.restoreAndAwaitDelivery();
    }

    @AfterAll
    void stop() {
        clients.shutdownNow();
        slack.close();
    }

    @Test
    void tenThousandKeysComeBackStepByStepThroughOfrepAndFlagdAlike() throws Exception {
        availability.disable(List.of(Target.model(OPUS_48)), ON_CALL, Optional.of("elevated 529s"));
        Set<String> modelInBefore = Set.of();
        Set<String> routeInBefore = Set.of();
        int[] percents = {10, 50, 100};
        for (int step = 1; step <= percents.length; step++) {
            int percent = percents[step - 1];
            ramped.ramps(List.of(new RampShare(Target.model(OPUS_48), percent, step, Instant.now(),
                    step < percents.length ? Optional.of(Instant.now().plusSeconds(300)) : Optional.empty())));
            pushTheFlagsAgain(percent);

            Map<String, JsonNode> model = evaluate(MODEL_FLAG);
            Map<String, JsonNode> route = evaluate(ROUTE_FLAG);
            Set<String> modelIn = keysWhere(model, evaluation -> evaluation.path("value").asBoolean());
            Set<String> routeIn = keysWhere(route, evaluation -> evaluation.path("value").asText()
                    .equals("claude-opus-4-8"));
            model.values().forEach(evaluation -> {
                assertEquals("SPLIT", evaluation.path("reason").asText(), evaluation.toString());
                assertEquals(Integer.toString(percent), evaluation.path("metadata").path("rampPercent").asText());
            });
            route.values().forEach(evaluation -> assertTrue(Set.of("claude-opus-4-8", "gpt-5")
                    .contains(evaluation.path("value").asText()), evaluation.toString()));

            assertShare(percent, modelIn, MODEL_FLAG);
            assertShare(percent, routeIn, ROUTE_FLAG);
            assertTrue(modelIn.containsAll(modelInBefore), "every key in at the step before is still in");
            assertTrue(routeIn.containsAll(routeInBefore), "every key on the primary before is still on it");

            FlagdAnswers flagd = flagdOnTheWrittenFile(step);
            assertEquals(modelIn, flagd.modelIn(), "flagd puts the same keys in as OFREP (" + percent + "%)");
            assertEquals(routeIn, flagd.routeOnPrimary(), "flagd routes the same keys to the primary (" + percent
                    + "%)");
            modelInBefore = modelIn;
            routeInBefore = routeIn;
        }
    }

    @Test
    void withoutATargetingKeyASplitFlagIsOffWithReasonDefault() {
        availability.disable(List.of(Target.model(OPUS_48)), ON_CALL, Optional.of("elevated 529s"));
        ramped.ramps(List.of(new RampShare(Target.model(OPUS_48), 50, 2, Instant.now(), Optional.empty())));
        flags.refresh();

        JsonNode evaluation = json(ofrep("/ofrep/v1/evaluate/flags/" + MODEL_FLAG, "{\"context\":{}}").body());

        assertEquals(false, evaluation.path("value").asBoolean(true));
        assertEquals("DEFAULT", evaluation.path("reason").asText());
        assertEquals("2", evaluation.path("metadata").path("rampStep").asText());
        HttpResponse<String> bulk = ofrep("/ofrep/v1/evaluate/flags", "{\"context\":{\"targetingKey\":\"user-1\"}}");
        json(bulk.body()).path("flags").forEach(flag -> assertTrue(Set.of("SPLIT", "STATIC")
                .contains(flag.path("reason").asText()), flag.toString()));
    }

    @Test
    void theApiStatusAndThePublicStatusShowEachRamp() {
        availability.disable(List.of(Target.model(OPUS_48)), ON_CALL, Optional.of("elevated 529s"));
        Instant since = Instant.parse("2026-06-07T12:40:00Z");
        ramped.ramps(List.of(new RampShare(Target.model(OPUS_48), 50, 2, since,
                Optional.of(Instant.parse("2026-06-07T12:45:00Z")))));
        flags.refresh();

        JsonNode api = json(get("/api/status").body()).path("ramps");
        assertEquals(1, api.size(), api.toString());
        assertEquals("model", api.get(0).path("kind").asText());
        assertEquals("claude-opus-4-8", api.get(0).path("target").asText());
        assertEquals(50, api.get(0).path("percent").asInt());
        assertEquals(2, api.get(0).path("step").asInt());
        assertEquals("2026-06-07T12:40:00Z", api.get(0).path("since").asText());
        assertEquals("2026-06-07T12:45:00Z", api.get(0).path("nextStepAt").asText());
        // The public page is read at most a few seconds ago: wait for a reading with the ramp in it.
        JsonNode ramp = Await.await(() -> json(get("/status.json").body()).path("ramps"), ramps -> ramps.size() == 1,
                WAIT, "/status.json to show the ramp").get(0);
        assertEquals("Claude Opus 4.8", ramp.path("name").asText());
        assertEquals(50, ramp.path("percent").asInt());
        assertEquals("2026-06-07T12:40:00Z", ramp.path("since").asText());
        assertEquals("2026-06-07T12:45:00Z", ramp.path("nextStepAt").asText());
        assertTrue(ramp.path("target").isMissingNode(), "display names only");
    }

    private HttpResponse<String> get(String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.getURL() + path))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), path + ": " + response.body());
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A change that commits makes the flag sinks write the flags anew with the current ramps (the ramps' own
     * changes do that in production): a model that no route uses goes off and on again.
     */
    private void pushTheFlagsAgain(int percent) {
        availability.set(List.of(Target.model(SONNET_46)), false, ON_CALL, Optional.of("ramp test"), Optional.empty());
        availability.set(List.of(Target.model(SONNET_46)), true, ON_CALL, Optional.of("ramp test"), Optional.empty());
        Await.await(() -> Files.exists(flagFile) ? JSON.readTree(Files.readString(flagFile)).path("flags")
                        .path(MODEL_FLAG).path("metadata").path("rampPercent").asText() : "no file",
                Integer.toString(percent)::equals, WAIT, "the flagd file to show the ramp at " + percent + "%");
        Await.await(() -> flags.get().get(MODEL_FLAG).orElseThrow().metadata().get("rampPercent"),
                Integer.toString(percent)::equals, WAIT, "OFREP to show the ramp at " + percent + "%");
    }

    private static void assertShare(int percent, Set<String> in, String flag) {
        double share = 100.0 * in.size() / KEYS;
        assertTrue(Math.abs(share - percent) <= 2, flag + ": " + share + "% of keys in at a " + percent + "% step");
    }

    /** Every key's evaluation of {@code flag}, through OFREP's single-flag endpoint. */
    private Map<String, JsonNode> evaluate(String flag) throws Exception {
        List<Future<JsonNode>> answers = new ArrayList<>(KEYS);
        for (int i = 0; i < KEYS; i++) {
            String body = "{\"context\":{\"targetingKey\":\"user-" + i + "\"}}";
            answers.add(clients.submit(() -> {
                HttpResponse<String> response = ofrep("/ofrep/v1/evaluate/flags/" + flag, body);
                assertEquals(200, response.statusCode(), response.body());
                return json(response.body());
            }));
        }
        Map<String, JsonNode> evaluations = new HashMap<>();
        for (int i = 0; i < KEYS; i++) {
            evaluations.put("user-" + i, answers.get(i).get());
        }
        return evaluations;
    }

    private record FlagdAnswers(Set<String> modelIn, Set<String> routeOnPrimary) {
    }

    /** flagd's own evaluator, in-process on the file the sink wrote. */
    private FlagdAnswers flagdOnTheWrittenFile(int step) throws Exception {
        FlagdProvider provider = new FlagdProvider(FlagdOptions.builder().resolverType(Config.Resolver.FILE)
                .offlineFlagSourcePath(flagFile.toString()).build());
        String domain = "flagd-ramp-step-" + step;
        OpenFeatureAPI.getInstance().setProviderAndWait(domain, provider);
        try {
            Client client = OpenFeatureAPI.getInstance().getClient(domain);
            Set<String> modelIn = new HashSet<>();
            Set<String> routeOnPrimary = new HashSet<>();
            for (int i = 0; i < KEYS; i++) {
                String key = "user-" + i;
                ImmutableContext context = new ImmutableContext(key);
                if (client.getBooleanValue(MODEL_FLAG, false, context)) {
                    modelIn.add(key);
                }
                if (client.getStringValue(ROUTE_FLAG, "unknown", context).equals("claude-opus-4-8")) {
                    routeOnPrimary.add(key);
                }
            }
            return new FlagdAnswers(modelIn, routeOnPrimary);
        } finally {
            provider.shutdown();
        }
    }

    private static Set<String> keysWhere(Map<String, JsonNode> evaluations,
                                         java.util.function.Predicate<JsonNode> condition) {
        Set<String> keys = new HashSet<>();
        evaluations.forEach((key, evaluation) -> {
            if (condition.test(evaluation)) {
                keys.add(key);
            }
        });
        return keys;
    }

    /** One evaluation; a keep-alive connection closed under the request is retried once, as clients do. */
    private HttpResponse<String> ofrep(String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.getURL() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException closed) {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("detour-ramp");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
