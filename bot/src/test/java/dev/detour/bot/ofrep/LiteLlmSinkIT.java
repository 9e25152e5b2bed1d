package dev.detour.bot.ofrep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.detour.bot.slack.SignedSlack;
import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.application.AvailabilityService;
import dev.detour.incidents.application.ChangePreviews;
import dev.detour.incidents.application.RampService;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.ports.OutboxQueue;
import dev.detour.incidents.preview.Preview;
import dev.detour.incidents.preview.PreviewOutcome;
import dev.detour.incidents.preview.ProposedChange;
import dev.detour.incidents.preview.UnblockableDeployment;
import dev.detour.incidents.recovery.RampCommand;
import dev.detour.incidents.testing.Await;
import dev.detour.incidents.testing.SeedConfigFactory;
import dev.detour.notifications.flags.LiteLlmMappings;
import dev.detour.notifications.flags.SinkState;
import dev.detour.notifications.flags.SinkStates;
import dev.detour.notifications.testing.FakeLiteLlm;
import dev.detour.notifications.testing.FakeSlack;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.transaction.TransactionOperations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The LiteLLM sink end to end: {@code /detour disable} of a model blocks its deployments on a LiteLLM-faithful
 * proxy, the thread is told once it is verified, and refusals and outages are told once (docs/flags.md).
 */
class LiteLlmSinkIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Actor ALICE = Actor.user("U0ALICE");
    private static final List<Target> OPUS = List.of(Target.model(SeedCatalog.OPUS_48));

    private final FakeSlack slack = FakeSlack.start(SignedSlack.BOT_TOKEN);
    private final FakeLiteLlm proxy = new FakeLiteLlm();

    LiteLlmSinkIT() throws IOException {
    }

    @AfterEach
    void stop() {
        proxy.close();
        slack.close();
    }

    private ApplicationContext detour() {
        return detour(Map.of());
    }

    private ApplicationContext detour(Map<String, Object> more) {
        Map<String, Object> properties = new HashMap<>(SignedSlack.seedWorkspace(slack));
        properties.putAll(more);
        properties.put(SeedConfigFactory.LITELLM_SINK, proxy.url().toString());
        properties.put(TestSecrets.PROPERTY, FlagsIT.SECRET);
        properties.put("detour.outbox.first-poll", "0s");
        properties.put("micronaut.server.port", "-1");
        return ApplicationContext.run(properties);
    }

    /** {@code GET /api/status} over HTTP, as an operator reads it. */
    private static JsonNode apiStatus(ApplicationContext detour) throws IOException, InterruptedException {
        EmbeddedServer server = detour.getBean(EmbeddedServer.class);
        if (!server.isRunning()) {
            server.start();
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(server.getURL() + "/api/status")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return new ObjectMapper().readTree(response.body());
    }

    private List<String> threadReplies(String containing) {
        return slack.messagesIn("C0INCIDENTS").stream().filter(call -> call.param("thread_ts") != null)
                .map(FakeSlack::textOf).filter(text -> text.contains(containing)).toList();
    }

    @Test
    void disablingAModelBlocksItsDeploymentsAndEnablingUnblocksThemEachVerifiedInTheThread() throws Exception {
        proxy.deployment("d-1", "claude-opus-4-8").deployment("d-2", "claude-opus-4-8")
                .deployment("opus-48-eu", "claude-opus-4-8-eu").deployment("d-9", "gpt-5");
        try (ApplicationContext detour = detour()) {
            AvailabilityService availability = detour.getBean(AvailabilityService.class);

            availability.disable(OPUS, ALICE, Optional.of("opus answers 529"));

            Await.await(() -> threadReplies("3 deployments of Claude Opus 4.8 blocked, verified").size() == 1, WAIT,
                    "the verified report in the thread");
            assertTrue(proxy.blocked("d-1") && proxy.blocked("d-2") && proxy.blocked("opus-48-eu"));
            assertFalse(proxy.blocked("d-9"));
            assertTrue(proxy.calls().stream().allMatch(call -> call.changedBy().equals("user:U0ALICE")),
                    "LiteLLM's audit log names who: " + proxy.calls());
            assertTrue(threadReplies("verified").get(0).contains("<!date^"), "a Slack time token");
            SinkState gateway = detour.getBean(SinkStates.class).refresh().get(0);
            assertEquals("verified", gateway.word(), "which apps obey: " + gateway);
            assertTrue(gateway.reachedAt().isPresent());
            Await.await(() -> slack.history("C0INCIDENTS").stream()
                    .anyMatch(root -> root.toString().contains("Last change at sinks: gateway verified")), WAIT,
                    "the root message's line on the sink");
            JsonNode sink = apiStatus(detour).path("sinks").get(0);
            assertEquals("gateway", sink.path("name").asText(), sink.toString());
            assertEquals("litellm", sink.path("type").asText(), sink.toString());
            assertEquals("verified", sink.path("state").asText(), sink.toString());
            assertFalse(sink.path("reachedAt").isNull(), sink.toString());

            availability.enable(OPUS, ALICE, Optional.of("opus is back"));

            Await.await(() -> threadReplies("3 deployments of Claude Opus 4.8 unblocked, verified").size() == 1,
                    WAIT, "the unblock verified in the thread");
            assertFalse(proxy.blocked("d-1") || proxy.blocked("d-2") || proxy.blocked("opus-48-eu"));
        }
    }

    @Test
    void aConfigBasedDeploymentIsToldOnceInTheThreadAndNotRetried() {
        proxy.configDeployment("d-1", "claude-opus-4-8");
        try (ApplicationContext detour = detour()) {
            detour.getBean(AvailabilityService.class).disable(OPUS, ALICE, Optional.of("opus answers 529"));

            Await.await(() -> threadReplies("Cannot edit config-based model").size() == 1, WAIT,
                    "the refusal in the thread");
            OutboxQueue outbox = detour.getBean(OutboxQueue.class);
            Await.await(() -> outbox.pending("flags.litellm", 10).isEmpty(), WAIT, "the row given up");
            assertEquals(1, proxy.calls().size(), "tried once: " + proxy.calls());
            assertEquals(1, threadReplies("Cannot edit config-based model").size());
            SinkState gateway = detour.getBean(SinkStates.class).refresh().get(0);
            assertEquals("failed", gateway.word());
            assertTrue(gateway.error().orElseThrow().contains("Cannot edit config-based model"), gateway.toString());
        }
    }

    @Test
    void aProxyThatIsDownIsRetriedWithBackoffAndToldOnceAndFlaggedOnceWhenLate() throws IOException {
        proxy.deployment("d-1", "claude-opus-4-8").down();
        try (ApplicationContext detour = detour(Map.of("detour.flags.sink-state.reach-within", "2s",
                "detour.flags.sink-state.refresh", "100ms"))) {
            detour.getBean(AvailabilityService.class).disable(OPUS, ALICE, Optional.of("opus answers 529"));

            OutboxQueue outbox = detour.getBean(OutboxQueue.class);
            Await.await(() -> !outbox.pending("flags.litellm", 1).isEmpty()
                    && outbox.pending("flags.litellm", 1).get(0).attempts() >= 2, WAIT, "two failed attempts");
            Await.await(() -> threadReplies("cannot be reached").size() == 1, WAIT, "the outage in the thread");
            Await.await(() -> threadReplies("has not reached sink gateway after 2").size() == 1, WAIT,
                    "the late change flagged in the thread");
            assertEquals("pending", detour.getBean(SinkStates.class).refresh().get(0).word());
            proxy.up();

            Await.await(() -> threadReplies("of Claude Opus 4.8 blocked, verified").size() == 1, WAIT,
                    "verified once the proxy is back");
            assertEquals(1, threadReplies("cannot be reached").size(), "told once, not once per retry");
            assertTrue(proxy.blocked("d-1"));
            assertEquals(1, threadReplies("has not reached sink gateway").size(), "flagged once");
        }
    }

    @Test
    void aModelRampingBackStaysBlockedUntilTheRampCompletesAndTheThreadSaysSoOnce() {
        proxy.deployment("d-1", "claude-opus-4-8").deployment("opus-48-eu", "claude-opus-4-8-eu");
        try (ApplicationContext detour = detour(Map.of(SeedConfigFactory.STAGED_PROVIDER, "anthropic",
                "detour.recovery.tick", "1h"))) {
            detour.getBean(AvailabilityService.class).disable(OPUS, ALICE, Optional.of("opus answers 529"));
            Await.await(() -> threadReplies("2 deployments of Claude Opus 4.8 blocked, verified").size() == 1, WAIT,
                    "the block verified");

            detour.getBean(RampService.class).enable(OPUS, ALICE, Optional.of("opus is back"), false);

            Await.await(() -> threadReplies("Claude Opus 4.8 stays blocked until the ramp reaches 100 %").size() == 1,
                    WAIT, "the thread told that LiteLLM waits for the ramp's end");
            assertTrue(proxy.blocked("d-1") && proxy.blocked("opus-48-eu"), "blocked while the ramp is at 10%");
            assertEquals(2, proxy.calls().size(), "the ramp's start calls nothing: " + proxy.calls());

            detour.getBean(RampService.class).command(Target.model(SeedCatalog.OPUS_48), RampCommand.COMPLETE, ALICE,
                    Optional.empty());

            Await.await(() -> threadReplies("2 deployments of Claude Opus 4.8 unblocked, verified").size() == 1,
                    WAIT, "the unblock verified when the ramp completes");
            assertFalse(proxy.blocked("d-1") || proxy.blocked("opus-48-eu"));
            assertEquals(1, threadReplies("stays blocked until").size(), "told once");
        }
    }

    @Test
    void aSinkThatUnblocksAtTheRampsFirstStepUnblocksThereAndBlocksAgainOnARollback() {
        proxy.deployment("d-1", "claude-opus-4-8").deployment("opus-48-eu", "claude-opus-4-8-eu");
        try (ApplicationContext detour = detour(Map.of(SeedConfigFactory.STAGED_PROVIDER, "anthropic",
                "detour.recovery.tick", "1h", SeedConfigFactory.LITELLM_UNBLOCK_AT, "10"))) {
            detour.getBean(AvailabilityService.class).disable(OPUS, ALICE, Optional.of("opus answers 529"));
            Await.await(() -> threadReplies("2 deployments of Claude Opus 4.8 blocked, verified").size() == 1, WAIT,
                    "the block verified");
            RampService ramps = detour.getBean(RampService.class);

            ramps.enable(OPUS, ALICE, Optional.of("opus is back"), false);

            Await.await(() -> threadReplies("2 deployments of Claude Opus 4.8 unblocked as the ramp reached 10 %")
                    .size() == 1, WAIT, "the unblock at the ramp's first step, verified");
            assertFalse(proxy.blocked("d-1") || proxy.blocked("opus-48-eu"));

            @SuppressWarnings("unchecked")
            TransactionOperations<java.sql.Connection> transactions = detour.getBean(TransactionOperations.class);
            transactions.executeWrite(status -> {
                ramps.signalled(OPUS, "gateway"); // the gateway says Opus fails again: back to 0%
                return null;
            });

            Await.await(() -> threadReplies("LiteLLM"), replies -> replies.stream().anyMatch(reply -> reply.contains(
                    "2 deployments of Claude Opus 4.8 blocked again as the ramp went back to 0 %, verified")), WAIT,
                    "the rollback to 0% blocked again, verified");
            assertTrue(proxy.blocked("d-1") && proxy.blocked("opus-48-eu"));
        }
    }

    @Test
    void thePreviewOfASwitchOffListsTheDeploymentsLiteLlmCannotBlock() throws Exception {
        proxy.deployment("d-1", "claude-opus-4-8").configDeployment("opus-48-eu", "claude-opus-4-8-eu");
        String token = "api-token-for-litellm-previews-01";
        try (ApplicationContext detour = detour(Map.of("detour.api-token", token))) {
            detour.getBean(LiteLlmMappings.class).poll(); // as at start and every 5 minutes

            PreviewOutcome outcome = detour.getBean(ChangePreviews.class).preview(new ProposedChange.Disable(OPUS));

            Preview preview = ((PreviewOutcome.Previewed) outcome).preview();
            assertEquals(List.of(new UnblockableDeployment("gateway", SeedCatalog.OPUS_48, "opus-48-eu",
                    UnblockableDeployment.Reason.CONFIG_BASED)), preview.unblockable());
            assertEquals(List.of(), ((PreviewOutcome.Previewed) detour.getBean(ChangePreviews.class).preview(
                    new ProposedChange.Disable(List.of(Target.model(SeedCatalog.GPT_5))))).preview().unblockable(),
                    "a model the sink does not map");
            EmbeddedServer server = detour.getBean(EmbeddedServer.class);
            if (!server.isRunning()) {
                server.start();
            }
            HttpResponse<String> api = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(server.getURL() + "/api/preview")).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"action\": \"disable\", \"targets\": [\"claude-opus-4-8\"]}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, api.statusCode(), api.body());
            JsonNode unblockable = new ObjectMapper().readTree(api.body()).path("unblockable");
            assertEquals("[{\"sink\":\"gateway\",\"model\":\"claude-opus-4-8\",\"deployment\":\"opus-48-eu\","
                    + "\"reason\":\"config-based\"}]", unblockable.toString());
        }
    }
}
