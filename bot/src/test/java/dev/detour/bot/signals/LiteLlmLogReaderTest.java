package dev.detour.bot.signals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.application.GatewaySignals;
import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.Sink;
import dev.detour.incidents.testing.MovableClock;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** LiteLLM's standard logging payloads become gateway outcomes, whichever log format the callback uses. */
class LiteLlmLogReaderTest {
    private final LiteLlmLogReader reader = new LiteLlmLogReader(SeedCatalog.catalog(), new MovableClock());

    private GatewayBatchReader.Batch read(String body) throws GatewayBatchReader.MalformedBatch {
        return reader.read(body.getBytes(StandardCharsets.UTF_8));
    }

    private static final List<ObjectNode> MIXED = List.of(LiteLlmLogs.success("gpt-5"),
            LiteLlmLogs.failure("gpt-5", "529", "InternalServerError"),
            LiteLlmLogs.failure("gpt-5", "429", "RateLimitError"),
            LiteLlmLogs.failure("gpt-5", "", "Timeout"),
            LiteLlmLogs.failure("gpt-5", "401", "AuthenticationError"));

    private static final List<GatewaySignals.Outcome> EXPECTED = List.of(
            new GatewaySignals.Outcome(ModelId.of("gpt-5"), true, 200, 7),
            new GatewaySignals.Outcome(ModelId.of("gpt-5"), false, 529, 7),
            new GatewaySignals.Outcome(ModelId.of("gpt-5"), false, 429, 7),
            new GatewaySignals.Outcome(ModelId.of("gpt-5"), false, 0, 7),
            new GatewaySignals.Outcome(ModelId.of("gpt-5"), false, 401, 7));

    @Test
    void aJsonArrayOfLogsIsOneOutcomeEach() throws Exception {
        GatewayBatchReader.Batch batch = read(LiteLlmLogs.jsonArray(MIXED));
        assertEquals(EXPECTED, batch.accepted());
        assertEquals(List.of(), batch.rejected());
    }

    @Test
    void ndjsonLogsAreOneOutcomePerLine() throws Exception {
        GatewayBatchReader.Batch batch = read(LiteLlmLogs.ndjson(MIXED));
        assertEquals(EXPECTED, batch.accepted());
        assertEquals(List.of(), batch.rejected());
    }

    @Test
    void aSingleLogIsOneOutcome() throws Exception {
        GatewayBatchReader.Batch batch = read(LiteLlmLogs.single(LiteLlmLogs.failure("gpt-5", "503",
                "ServiceUnavailableError")));
        assertEquals(List.of(new GatewaySignals.Outcome(ModelId.of("gpt-5"), false, 503, 7)), batch.accepted());
    }

    @Test
    void theModelGroupNamesTheModelWhenTheDeploymentNameIsUnknown() throws Exception {
        ObjectNode log = LiteLlmLogs.success("openai/gpt-5-2026-08-07");
        log.put("model_group", "gpt-5");
        assertEquals(ModelId.of("gpt-5"), read(LiteLlmLogs.single(log)).accepted().get(0).model());
    }

    @Test
    void aLiteLlmSinksMapNamesTheModelOfADeploymentIdOrName() throws Exception {
        LiteLlmLogReader mapped = new LiteLlmLogReader(SeedCatalog.catalog(), List.of(new Sink.LiteLlm("gateway",
                java.net.URI.create("http://litellm.internal:4000"), "LITELLM_MASTER_KEY",
                Map.of(SeedCatalog.OPUS_48, List.of("opus-48-eu", "e3b0c442-deployment")))), new MovableClock());
        ObjectNode byId = LiteLlmLogs.success("eu-opus");
        byId.put("model_id", "e3b0c442-deployment");
        ObjectNode byName = LiteLlmLogs.success("opus-48-eu");

        assertEquals(List.of(SeedCatalog.OPUS_48, SeedCatalog.OPUS_48), mapped.read(LiteLlmLogs.jsonArray(
                List.of(byId, byName)).getBytes(StandardCharsets.UTF_8)).accepted().stream()
                .map(GatewaySignals.Outcome::model).toList());
        assertEquals(1, read(LiteLlmLogs.single(byName)).rejected().size(), "without the map it is unknown");
    }

    @Test
    void latencyIsEndMinusStartWithoutAResponseTimeAndEpochSecondsAreRead() throws Exception {
        ObjectNode log = LiteLlmLogs.success("gpt-5");
        log.remove("response_time");
        log.put("startTime", 1_780_000_000.25);
        log.put("endTime", 1_780_000_002.0);
        assertEquals(1750, read(LiteLlmLogs.single(log)).accepted().get(0).latencyMs());
    }

    @Test
    void anUnknownModelOrAFailureWithoutAStatusIsRefusedOnItsOwnAndTheOthersCount() throws Exception {
        GatewayBatchReader.Batch batch = read(LiteLlmLogs.jsonArray(List.of(LiteLlmLogs.success("gpt-4o"),
                LiteLlmLogs.failure("gpt-5", "", "SomethingNew"), LiteLlmLogs.success("gpt-5"))));

        assertEquals(1, batch.accepted().size());
        assertEquals(List.of(new GatewayBatchReader.Rejection(0, "unknown model 'gpt-4o'"),
                new GatewayBatchReader.Rejection(1, "a failure needs error_information.error_code (an HTTP status)"
                        + " or a known error_class")), batch.rejected());
    }

    @Test
    void aLogFromYearsAwayIsRefused() throws Exception {
        ObjectNode log = LiteLlmLogs.success("gpt-5");
        log.put("endTime", "2199-01-24 09:20:46.851954");
        GatewayBatchReader.Batch batch = read(LiteLlmLogs.single(log));
        assertEquals(List.of(), batch.accepted());
        assertTrue(batch.rejected().get(0).problem().startsWith("\"endTime\""), batch.toString());
    }

    @Test
    void bodiesThatAreNotLogsAreMalformed() {
        for (String body : List.of("", "[1,2]", "{\"model\":", "\"gpt-5\"", "<html>nope</html>")) {
            GatewayBatchReader.MalformedBatch e = assertThrows(GatewayBatchReader.MalformedBatch.class,
                    () -> read(body), body);
            GatewayBatchReaderTest.PARSER_INTERNALS.forEach(internal -> assertTrue(
                    !e.getMessage().contains(internal), e.getMessage()));
        }
    }
}
