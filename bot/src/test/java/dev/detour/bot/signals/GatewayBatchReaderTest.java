package dev.detour.bot.signals;

import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.application.GatewaySignals;
import dev.detour.incidents.testing.MovableClock;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One outcome with a bad number or time is refused on its own; the others in its batch still count. */
class GatewayBatchReaderTest {
    /** What Jackson's own messages carry, and an answer must never show. */
    static final List<String> PARSER_INTERNALS = List.of("StreamReadConstraints", "REDACTED", "com.fasterxml",
            "Exception", "`", "java.", "dev.detour", "Source:");

    private final GatewayBatchReader reader = new GatewayBatchReader(SeedCatalog.catalog(), new MovableClock());

    private static String good(int status) {
        return "{\"provider\":\"openai\",\"model\":\"gpt-5\",\"ok\":" + (status / 100 == 2) + ",\"status\":" + status
                + ",\"latencyMs\":900,\"at\":\"2026-06-07T06:59:00Z\"}";
    }

    private GatewayBatchReader.Batch read(String... outcomes) throws GatewayBatchReader.MalformedBatch {
        return reader.read(("{\"outcomes\":[" + String.join(",", outcomes) + "]}").getBytes(StandardCharsets.UTF_8));
    }

    private static String only(GatewayBatchReader.Batch batch) {
        assertEquals(1, batch.rejected().size(), batch.toString());
        return batch.rejected().get(0).problem();
    }

    @Test
    void modelsAreFoundByAliasAndUnknownNamesAreCountedPerName() throws Exception {
        GatewayBatchReader.Batch batch = read(
                "{\"provider\":\"anthropic\",\"model\":\"claude-opus-4-8-20260514\",\"status\":529}",
                "{\"model\":\"anthropic/claude-opus-4.8\",\"status\":200}",
                "{\"model\":\"gpt-6\",\"status\":200}", "{\"model\":\"gpt-6\",\"status\":500}");

        assertEquals(List.of(SeedCatalog.OPUS_48, SeedCatalog.OPUS_48),
                batch.accepted().stream().map(GatewaySignals.Outcome::model).toList());
        assertEquals(Map.of("gpt-6", 2L), batch.unknownNames());
        assertEquals(List.of("unknown model 'gpt-6'", "unknown model 'gpt-6'"),
                batch.rejected().stream().map(GatewayBatchReader.Rejection::problem).toList());
    }

    @Test
    void aStatusBeyondAnIntIsRefusedForItsOutcomeAndTheOthersCount() throws Exception {
        GatewayBatchReader.Batch batch = read(good(200),
                "{\"model\":\"gpt-5\",\"ok\":false,\"status\":3000000000}", good(500));

        assertEquals(List.of(200, 500), batch.accepted().stream().map(GatewaySignals.Outcome::status).toList());
        assertEquals(1, batch.rejected().get(0).index());
        assertEquals("\"status\" must be an HTTP status from 100 to 599 (or 0 for no answer), not 3000000000",
                only(batch));
    }

    @Test
    void statusesOutsideHttpsRangeAreRefusedNotCountedAsFailures() throws Exception {
        for (String status : List.of("99999", "-500", "600", "99", "1", "-1", "99999999999999999999999", "5e2",
                "\"500\"", "[500]")) {
            GatewayBatchReader.Batch batch = read("{\"model\":\"gpt-5\",\"ok\":false,\"status\":" + status + "}");
            assertEquals(List.of(), batch.accepted(), status);
            assertTrue(only(batch).startsWith("\"status\" must be an HTTP status from 100 to 599"), only(batch));
        }
    }

    @Test
    void everyHttpStatusAndNoStatusAtAllAreAccepted() throws Exception {
        GatewayBatchReader.Batch batch = read(good(100), good(200), good(429), good(599),
                "{\"model\":\"gpt-5\",\"ok\":false,\"status\":0}", "{\"model\":\"gpt-5\",\"ok\":false}");

        assertEquals(List.of(100, 200, 429, 599, 0, 0),
                batch.accepted().stream().map(GatewaySignals.Outcome::status).toList());
    }

    @Test
    void aNegativeOrAbsurdLatencyIsRefused() throws Exception {
        for (String latency : List.of("-1", "86400001", "1e300", "99999999999999999999999", "\"900\"")) {
            GatewayBatchReader.Batch batch = read("{\"model\":\"gpt-5\",\"ok\":true,\"latencyMs\":" + latency + "}");
            assertEquals(List.of(), batch.accepted(), latency);
            assertTrue(only(batch).startsWith("\"latencyMs\" must be a number of milliseconds from 0 to 86400000"),
                    only(batch));
        }
        assertEquals(86_400_000L, read("{\"model\":\"gpt-5\",\"ok\":true,\"latencyMs\":86400000}").accepted().get(0)
                .latencyMs());
    }

    @Test
    void anAtMoreThanADayAheadOrBefore2000IsRefusedNamingTheField() throws Exception {
        String future = only(read("{\"model\":\"gpt-5\",\"ok\":true,\"at\":\"+999999999-12-31T23:59:59Z\"}"));
        String past = only(read("{\"model\":\"gpt-5\",\"ok\":true,\"at\":\"1970-01-01T00:00:00Z\"}"));
        String number = only(read("{\"model\":\"gpt-5\",\"ok\":true,\"at\":1781000000}"));

        assertTrue(future.startsWith("\"at\" +999999999-12-31T23:59:59Z is more than 1 day ahead"), future);
        assertEquals("\"at\" 1970-01-01T00:00:00Z is before 2000-01-01", past);
        assertTrue(number.startsWith("\"at\" must be an ISO-8601 time"), number);
        assertEquals(1, read("{\"model\":\"gpt-5\",\"ok\":true,\"at\":\"2026-06-08T06:59:59Z\"}").accepted().size(),
                "a sender's clock may run up to a day ahead");
    }

    @Test
    void aBodyBeyondTheParsersLimitsIsRefusedWithoutItsInternals() {
        for (String body : List.of("{\"outcomes\":[{\"model\":\"gpt-5\",\"status\":" + "9".repeat(1001) + "}]}",
                "{\"outcomes\":" + "[".repeat(1001) + "]".repeat(1001) + "}",
                "{\"outcomes\":[{\"model\":\"gpt-5\",\"ok\":true}", "{\"outcomes\":[{\"model\":,}]}", "\u0000")) {
            GatewayBatchReader.MalformedBatch refused = assertThrows(GatewayBatchReader.MalformedBatch.class,
                    () -> reader.read(body.getBytes(StandardCharsets.UTF_8)));
            for (String internal : PARSER_INTERNALS) {
                assertFalse(refused.getMessage().contains(internal), refused.getMessage());
            }
        }
    }
}
