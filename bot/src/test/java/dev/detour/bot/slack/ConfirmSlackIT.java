package dev.detour.bot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.detour.incidents.application.AvailabilityService;
import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.queries.StatusService;
import dev.detour.incidents.readmodel.DetourStatus;
import dev.detour.incidents.signals.GatewayMonitor;
import dev.detour.messages.Interactions;
import dev.detour.notifications.testing.FakeSlack;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.detour.incidents.SeedCatalog.ANTHROPIC;
import static dev.detour.incidents.SeedCatalog.GPT_5;
import static dev.detour.incidents.SeedCatalog.OPUS_47;
import static dev.detour.incidents.SeedCatalog.OPUS_48;
import static dev.detour.incidents.SeedCatalog.SONNET_46;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code policy.confirm: provider} (the seed config's default) through Slack, signed as Slack signs: switching a
 * whole provider off answers with the preview and Confirm; Confirm applies it while nothing moved, otherwise shows
 * the new preview.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConfirmSlackIT implements TestPropertyProvider {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final FakeSlack slack = FakeSlack.start(SignedSlack.BOT_TOKEN);

    @Inject
    EmbeddedServer server;
    @Inject
    StatusService status;
    @Inject
    AvailabilityService availability;
    @Inject
    GatewayMonitor gateway;

    @Override
    public Map<String, String> getProperties() {
        return SignedSlack.seedWorkspace(slack);
    }

    @AfterAll
    void stopSlack() {
        slack.close();
    }

    @BeforeEach
    void everythingAvailable() {
        availability.set(List.of(Target.provider(ANTHROPIC), Target.model(OPUS_48), Target.model(OPUS_47),
                Target.model(SONNET_46), Target.model(GPT_5)), true, Actor.system("test"), Optional.empty(),
                Optional.empty());
    }

    private SignedSlack signed() {
        return new SignedSlack(server.getURI(), slack);
    }

    private FakeSlack.Response previewOf(String text) {
        String responseUrl = slack.newResponseUrl();
        signed().command(SignedSlack.ALICE, text, responseUrl);
        return slack.awaitResponse(r -> r.url().equals(responseUrl), WAIT);
    }

    /** A press of a button on {@code preview}, answered through the press's own response_url. */
    private FakeSlack.Response press(FakeSlack.Response preview, String actionId, String value) {
        String responseUrl = slack.newResponseUrl(preview);
        signed().blockAction(SignedSlack.ALICE, actionId, value, responseUrl);
        return slack.awaitResponse(r -> r.url().equals(responseUrl), WAIT);
    }

    /** The answer took the preview's place: the person no longer sees its buttons (docs/slack.md, "Confirm first"). */
    private void assertReplaced(FakeSlack.Response preview, FakeSlack.Response answer) {
        assertTrue(answer.replacesOriginal(), answer.body().toString());
        List<FakeSlack.Response> screen = slack.ephemeralsOnScreen();
        assertFalse(screen.contains(preview), "the preview is gone from the screen");
        assertTrue(screen.contains(answer), "the answer is where the preview was");
    }

    @Test
    void disablingAProviderAnswersWithThePreviewAndConfirmAppliesIt() {
        FakeSlack.Response shown = previewOf("disable anthropic -- elevated 529s");
        JsonNode preview = shown.body();
        assertEquals("ephemeral", preview.path("response_type").asText());
        assertEquals("Confirm first: *Disable Anthropic*", preview.path("text").asText());
        assertTrue(available(ANTHROPIC.value()), "nothing changes before Confirm");

        FakeSlack.Response answer = press(shown, Interactions.CONFIRM,
                SignedSlack.buttonValue(preview, Interactions.CONFIRM));
        JsonNode done = answer.body();

        assertTrue(done.path("text").asText().startsWith("Disabled Anthropic"), done.toString());
        assertFalse(available(ANTHROPIC.value()));
        assertReplaced(shown, answer);
        List<String> told = supportLines(preview);
        assertFalse(told.isEmpty(), preview.toString());
        FakeSlack.Call post = slack.awaitCall("chat.postMessage", call -> "C0SUPPORT".equals(call.param("channel"))
                && told.stream().allMatch(line -> FakeSlack.textOf(call).contains(line)), WAIT);
        assertTrue(post.ok(), "the support post the preview quoted went out: " + told);
    }

    @Test
    void confirmAfterTheStateMovedAnswersWithTheNewPreviewAndChangesNothing() {
        FakeSlack.Response shown = previewOf("disable anthropic");
        String stale = SignedSlack.buttonValue(shown.body(), Interactions.CONFIRM);
        availability.disable(List.of(Target.model(GPT_5)), Actor.user("U0BOB"), Optional.of("meanwhile"));

        FakeSlack.Response answer = press(shown, Interactions.CONFIRM, stale);
        JsonNode moved = answer.body();
        assertReplaced(shown, answer);

        assertTrue(moved.path("blocks").toString().contains("The state moved since this preview"), moved.toString());
        assertNotEquals(stale, SignedSlack.buttonValue(moved, Interactions.CONFIRM));
        assertTrue(available(ANTHROPIC.value()), "a stale Confirm changes nothing");
    }

    @Test
    void disableOnlyTheFailingModelsKeepsTheHealthySonnetOn() {
        Instant now = Instant.now();
        for (int i = 0; i < 200; i++) {
            gateway.record(OPUS_48, i % 2 == 0, i % 2 == 0 ? 200 : 529, 900, now);
            gateway.record(OPUS_47, i % 2 == 0, i % 2 == 0 ? 200 : 529, 900, now);
            gateway.record(SONNET_46, true, 200, 700, now);
        }
        FakeSlack.Response shown = previewOf("disable anthropic");
        JsonNode preview = shown.body();
        assertTrue(preview.toString().contains("> Meeting summaries: running on GPT-5 for now."),
                "the support post it would make, in the post's words: " + preview);

        FakeSlack.Response answer = press(shown, Interactions.CONFIRM_NARROWER,
                SignedSlack.buttonValue(preview, Interactions.CONFIRM_NARROWER));
        JsonNode done = answer.body();

        assertTrue(done.path("text").asText().startsWith("Disabled"), done.toString());
        assertReplaced(shown, answer);
        assertTrue(available(ANTHROPIC.value()));
        assertTrue(modelAvailable(SONNET_46));
        assertFalse(modelAvailable(OPUS_48));
        assertFalse(modelAvailable(OPUS_47));
    }

    @Test
    void cancelChangesNothing() {
        FakeSlack.Response shown = previewOf("disable anthropic");

        FakeSlack.Response answer = press(shown, Interactions.CANCEL, "cancel");

        assertEquals("Cancelled: nothing changed.", answer.text());
        assertReplaced(shown, answer);
        assertTrue(available(ANTHROPIC.value()));
    }

    /** The lines the preview quotes under "Support would be told". */
    private static List<String> supportLines(JsonNode preview) {
        List<String> lines = new java.util.ArrayList<>();
        for (JsonNode block : preview.path("blocks")) {
            String text = block.path("text").path("text").asText("");
            if (text.startsWith("*Support would be told*")) {
                text.lines().filter(line -> line.startsWith("> ")).forEach(line -> lines.add(line.substring(2)));
            }
        }
        return lines;
    }

    private boolean available(String provider) {
        return status.current().providers().stream().filter(p -> p.id().value().equals(provider))
                .map(DetourStatus.ProviderStatus::available).findFirst().orElseThrow();
    }

    private boolean modelAvailable(ModelId model) {
        return status.current().models().stream().filter(m -> m.id().equals(model))
                .map(DetourStatus.ModelStatus::available).findFirst().orElseThrow();
    }
}
