package dev.detour.bot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.detour.incidents.application.AvailabilityService;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.queries.StatusService;
import dev.detour.incidents.readmodel.DetourStatus;
import dev.detour.incidents.signals.GatewayMonitor;
import dev.detour.notifications.testing.FakeSlack;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.detour.incidents.SeedCatalog.ANTHROPIC;
import static dev.detour.incidents.SeedCatalog.OPUS_47;
import static dev.detour.incidents.SeedCatalog.OPUS_48;
import static dev.detour.incidents.SeedCatalog.SONNET_46;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /detour disable|route ... --dry-run} through Slack, signed as Slack signs: the answer is the preview,
 * ephemeral, and nothing changes.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DryRunSlackIT implements TestPropertyProvider {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String MALLORY = "U0MALLORY";

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
                Target.model(SONNET_46)), true, Actor.system("test"), Optional.empty(), Optional.empty());
    }

    @Test
    void aDryRunOfAProviderWideDisableShowsTheHealthySonnetAndTheNarrowerScopeAndChangesNothing() {
        Instant now = Instant.now();
        for (int i = 0; i < 200; i++) {
            gateway.record(OPUS_48, i % 2 == 0, i % 2 == 0 ? 200 : 529, 900, now);
            gateway.record(OPUS_47, i % 2 == 0, i % 2 == 0 ? 200 : 529, 900, now);
            gateway.record(SONNET_46, true, 200, 700, now);
        }
        String responseUrl = slack.newResponseUrl();

        new SignedSlack(server.getURI(), slack).command(SignedSlack.ALICE, "disable anthropic --dry-run", responseUrl);

        JsonNode answer = slack.awaitResponse(r -> r.url().equals(responseUrl), WAIT).body();
        String blocks = answer.path("blocks").toString();
        assertEquals("ephemeral", answer.path("response_type").asText());
        assertEquals("Dry run: *Disable Anthropic*", answer.path("text").asText());
        assertTrue(blocks.contains("Claude Sonnet 4.6: *healthy* · 0.0% errors over 200 requests"), blocks);
        assertTrue(blocks.contains("Claude Opus 4.8: *failing*"), blocks);
        assertTrue(blocks.contains("`/detour disable claude-opus-4-7 claude-opus-4-8`"), blocks);
        assertTrue(blocks.contains("Contract review: now primary → Claude Opus 4.8 · after *paused*"), blocks);
        assertTrue(anthropicIsAvailable(), "nothing was switched off");
        assertEquals(0, previewsPosted(), "a dry run posts nothing in any channel");
    }

    @Test
    void anyoneMayAskForADryRunOfARouteOverride() {
        String responseUrl = slack.newResponseUrl();

        new SignedSlack(server.getURI(), slack).command(MALLORY, "route legal-review stop --dry-run", responseUrl);

        JsonNode answer = slack.awaitResponse(r -> r.url().equals(responseUrl), WAIT).body();
        assertEquals("Dry run: *Stop Contract review*", answer.path("text").asText());
        assertTrue(answer.path("blocks").toString().contains("*Paused:* Contract review"), answer.toString());
    }

    @Test
    void aDryRunOfAnUnknownTargetGetsTheMistakeTheCommandWouldGetInTheAcknowledgement() {
        SignedSlack signed = new SignedSlack(server.getURI(), slack);

        HttpResponse<String> dryRun = signed.command(SignedSlack.ALICE, "disable anthropc --dry-run");
        HttpResponse<String> real = signed.command(SignedSlack.ALICE, "disable anthropc");

        assertEquals(200, dryRun.statusCode());
        assertEquals(real.body(), dryRun.body());
        assertTrue(dryRun.body().contains("did you mean `anthropic`?"), dryRun.body());
    }

    private boolean anthropicIsAvailable() {
        return status.current().providers().stream().filter(provider -> provider.id().equals(ANTHROPIC))
                .map(DetourStatus.ProviderStatus::available).findFirst().orElseThrow();
    }

    private long previewsPosted() {
        return slack.calls().stream().filter(call -> call.method().equals("chat.postMessage"))
                .filter(call -> String.valueOf(call.param("text")).contains("Dry run")).count();
    }
}
