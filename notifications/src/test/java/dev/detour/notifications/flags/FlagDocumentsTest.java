package dev.detour.notifications.flags;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.catalog.FailoverMode;
import dev.detour.incidents.flags.FlagSet;
import dev.detour.incidents.readmodel.DetourStatus;
import dev.detour.incidents.routing.Route;
import dev.detour.incidents.routing.RouteCause;
import dev.detour.incidents.routing.RouteState;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.event.DetourEvent;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.routing.Availability;
import dev.detour.incidents.testing.RampingStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static dev.detour.incidents.SeedCatalog.ANTHROPIC;
import static dev.detour.incidents.SeedCatalog.GPT_5;
import static dev.detour.incidents.SeedCatalog.MEETING_SUMMARY;
import static dev.detour.incidents.SeedCatalog.OPENAI;
import static dev.detour.incidents.SeedCatalog.OPUS_48;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The flags of docs/flags.md, and the flagd file made of them. */
class FlagDocumentsTest {
    private static final Instant AT = Instant.parse("2026-06-07T07:12:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static FlagSet flags(boolean opusUp) {
        DetourStatus status = new DetourStatus(AT,
                List.of(new DetourStatus.ProviderStatus(ANTHROPIC, "Anthropic", true, Optional.empty()),
                        new DetourStatus.ProviderStatus(OPENAI, "OpenAI", true, Optional.empty())),
                List.of(new DetourStatus.ModelStatus(OPUS_48, ANTHROPIC, "Claude Opus 4.8", opusUp, opusUp,
                                Optional.of(AT)),
                        new DetourStatus.ModelStatus(GPT_5, OPENAI, "GPT-5", true, true, Optional.empty())),
                List.of(new DetourStatus.TaskClassStatus(MEETING_SUMMARY, "Meeting summaries", FailoverMode.AUTO,
                        List.of(OPUS_48, GPT_5), opusUp
                        ? new Route(MEETING_SUMMARY, RouteState.PRIMARY, Optional.of(OPUS_48), Optional.empty(),
                        RouteCause.PRIMARY_AVAILABLE)
                        : new Route(MEETING_SUMMARY, RouteState.FALLBACK, Optional.of(GPT_5), Optional.empty(),
                        RouteCause.AUTO_FAILOVER), Optional.of(AT))),
                List.of());
        return FlagSet.of(status, SeedCatalog.catalog());
    }

    @Test
    void everyProviderModelAndTaskClassHasItsFlag() {
        FlagSet down = flags(false);
        assertEquals(false, down.get("model.claude-opus-4-8.enabled").orElseThrow().value());
        assertEquals("off", down.get("model.claude-opus-4-8.enabled").orElseThrow().variant());
        assertEquals(true, down.get("provider.anthropic.enabled").orElseThrow().value());
        assertEquals("gpt-5", down.get("route.meeting-summary").orElseThrow().value());
        assertEquals("fallback", down.get("route.meeting-summary").orElseThrow().variant());
        assertEquals(AT.toString(), down.get("route.meeting-summary").orElseThrow().metadata().get("since"));
        assertTrue(down.get("route.legal-review").isEmpty(), "only task classes in the status");
    }

    @Test
    void theEtagAndTheChangesFollowTheFlags() {
        FlagSet up = flags(true);
        FlagSet down = flags(false);
        assertNotEquals(up.etag(), down.etag());
        assertEquals(up.etag(), flags(true).etag());
        assertEquals(List.of("model.claude-opus-4-8.enabled", "route.meeting-summary"),
                down.changedSince(Optional.of(up)).stream().map(flag -> flag.key()).toList());
    }

    @Test
    void theFlagdFileHasBooleanAndStringFlagsWithVariantsAndADefault() throws Exception {
        JsonNode document = JSON.readTree(FlagDocuments.flagd(flags(false)));
        assertEquals(FlagDocuments.FLAGD_SCHEMA, document.path("$schema").asText());
        JsonNode model = document.path("flags").path("model.claude-opus-4-8.enabled");
        assertEquals("ENABLED", model.path("state").asText());
        assertEquals("off", model.path("defaultVariant").asText());
        assertFalse(model.path("variants").path("off").asBoolean(true));
        JsonNode route = document.path("flags").path("route.meeting-summary");
        assertEquals("fallback", route.path("defaultVariant").asText());
        assertEquals("gpt-5", route.path("variants").path("fallback").asText());
    }

    @Test
    void aWebhookBodyIsSentWithItsDeliveryIdFirstAndTheDocumentUnchanged() throws Exception {
        String stored = "{\"at\":\"2026-06-07T07:12:00Z\",\"etag\":\"e1\",\"incident\":null}";

        JsonNode sent = JSON.readTree(FlagDocuments.withId("9f2c", stored));

        assertEquals("id", sent.fieldNames().next());
        assertEquals("9f2c", sent.get("id").asText());
        assertEquals(JSON.readTree(stored), ((com.fasterxml.jackson.databind.node.ObjectNode) sent.deepCopy())
                .without("id"));
    }

    private static FlagSet rampingOpusAt(int percent, int step) {
        return FlagSet.of(RampingStatus.of(SeedCatalog.catalog(), Availability.allAvailable(), AT,
                RampingStatus.ramp(Target.model(OPUS_48), percent, step, AT)), SeedCatalog.catalog());
    }

    @Test
    void aRampingFlagIsWrittenAsFlagdFractionalTargetingWithTheConservativeValueAsDefault() throws Exception {
        JsonNode flags = JSON.readTree(FlagDocuments.flagd(rampingOpusAt(50, 2))).path("flags");

        JsonNode model = flags.path("model.claude-opus-4-8.enabled");
        assertEquals("off", model.path("defaultVariant").asText());
        assertEquals(JSON.readTree("{\"fractional\":[[\"on\",50],[\"off\",50]]}"), model.path("targeting"));
        assertEquals("50", model.path("metadata").path("rampPercent").asText());
        assertEquals("2", model.path("metadata").path("rampStep").asText());
        JsonNode route = flags.path("route.meeting-summary");
        assertEquals("fallback", route.path("defaultVariant").asText());
        assertEquals("claude-opus-4-8", route.path("variants").path("primary").asText());
        assertEquals("gpt-5", route.path("variants").path("fallback").asText());
        assertEquals(JSON.readTree("{\"fractional\":[[\"primary\",50],[\"fallback\",50]]}"),
                route.path("targeting"));
        assertTrue(flags.path("model.gpt-5.enabled").path("targeting").isMissingNode(), "only split flags");
    }

    @Test
    void theWebhookCarriesEachRampingFlagsShareAndStep() throws Exception {
        FlagSet flags = rampingOpusAt(10, 1);
        DetourEvent event = new DetourEvent.AvailabilityChanged(AT, Actor.system("test"), Target.model(OPUS_48),
                false, Optional.empty(), Optional.empty());

        JsonNode body = JSON.readTree(FlagDocuments.webhookBody(event, flags, flags.changedSince(Optional.empty())));

        JsonNode model = flag(body, "model.claude-opus-4-8.enabled");
        assertFalse(model.path("value").asBoolean(true));
        assertEquals(JSON.readTree("{\"percent\":10,\"step\":1,\"value\":true,\"variant\":\"on\"}"),
                model.path("split"));
        assertEquals("10", model.path("metadata").path("rampPercent").asText());
        assertTrue(flag(body, "model.gpt-5.enabled").path("split").isMissingNode(), "only split flags");
    }

    private static JsonNode flag(JsonNode body, String key) {
        return java.util.stream.StreamSupport.stream(body.path("flags").spliterator(), false)
                .filter(flag -> flag.path("key").asText().equals(key)).findFirst().orElseThrow();
    }
}
