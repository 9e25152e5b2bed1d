package dev.detour.notifications.flags;

import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.Sink;
import dev.detour.incidents.outbox.OutboxEntry;
import dev.detour.incidents.preview.UnblockableDeployment;
import dev.detour.notifications.testing.FakeLiteLlm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The LiteLLM sink against a LiteLLM-faithful proxy over real HTTP: block, unblock, verify, refuse, retry. */
class LiteLlmPusherIT {
    private static final ModelId OPUS = ModelId.of("claude-opus-4-8");
    private static final Instant NOW = Instant.parse("2026-12-06T12:15:03Z");

    private final FakeLiteLlm proxy = new FakeLiteLlm();
    private String key = FakeLiteLlm.MASTER_KEY;
    private Instant now = NOW;
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final LiteLlmLimits limits = new LiteLlmLimits();
    private final LiteLlmPusher pusher = new LiteLlmPusher(new Secrets() {
        @Override
        public Optional<String> get(String environmentVariable) {
            return "LITELLM_MASTER_KEY".equals(environmentVariable) ? Optional.ofNullable(key) : Optional.empty();
        }
    }, clock, new LiteLlmSettings(Duration.ofSeconds(2), Duration.ofMinutes(10)), limits);

    LiteLlmPusherIT() throws IOException {
    }

    @AfterEach
    void stop() {
        proxy.close();
    }

    private Sink.LiteLlm sink() {
        return new Sink.LiteLlm("gateway", proxy.url(), "LITELLM_MASTER_KEY",
                Map.of(OPUS, List.of("claude-opus-4-8", "opus-48-eu")));
    }

    private static OutboxEntry row(boolean blocked) {
        String payload = new LiteLlmChange("user:U0ALICE", List.of(new LiteLlmChange.ModelState(OPUS, blocked)))
                .toJson();
        return new OutboxEntry(1, NOW, "flags.litellm", "flag-litellm", "b1", "gateway", "key-1", payload, 7L, 0,
                NOW, null, null);
    }

    @Test
    void switchingAModelOffBlocksEveryMappedDeploymentByNameOrIdAndSettlesOnceModelInfoShowsIt() {
        proxy.deployment("d-1", "claude-opus-4-8").deployment("d-2", "claude-opus-4-8")
                .deployment("opus-48-eu", "claude-opus-4-8-eu").deployment("d-4", "gpt-5");

        LiteLlmOutcome outcome = pusher.push(sink(), row(true));

        assertEquals(new PushResult.Delivered(), outcome.result());
        assertEquals(Optional.of(new LiteLlmOutcome.Note.Verified(
                List.of(new LiteLlmOutcome.ModelCount(OPUS, 3, true)), NOW)), outcome.note());
        assertTrue(proxy.blocked("d-1") && proxy.blocked("d-2") && proxy.blocked("opus-48-eu"));
        assertFalse(proxy.blocked("d-4"));
        assertEquals(List.of("/model/block"), proxy.calls().stream().map(FakeLiteLlm.Call::path).distinct().toList());
        assertTrue(proxy.calls().stream().allMatch(call -> call.changedBy().equals("user:U0ALICE")));
    }

    @Test
    void switchingItBackOnUnblocksThem() {
        proxy.deployment("d-1", "claude-opus-4-8").deployment("d-2", "claude-opus-4-8");
        pusher.push(sink(), row(true));

        LiteLlmOutcome outcome = pusher.push(sink(), row(false));

        assertEquals(new PushResult.Delivered(), outcome.result());
        assertFalse(proxy.blocked("d-1") || proxy.blocked("d-2"));
        assertEquals(List.of("/model/block", "/model/block", "/model/unblock", "/model/unblock"),
                proxy.calls().stream().map(FakeLiteLlm.Call::path).toList());
    }

    @Test
    void aWriteThatLandedThoughTheAnswerWasNot2xxIsVerifiedFromModelInfo() {
        proxy.deployment("d-1", "claude-opus-4-8").answerWritesWith(500);

        LiteLlmOutcome outcome = pusher.push(sink(), row(true));

        assertEquals(new PushResult.Delivered(), outcome.result());
        assertEquals(500, proxy.calls().get(0).answered());
    }

    @Test
    void aConfigBasedDeploymentIsRefusedForGoodWithLiteLlmsWords() {
        proxy.configDeployment("d-1", "claude-opus-4-8");

        LiteLlmOutcome outcome = pusher.push(sink(), row(true));

        PushResult.Failed failed = assertInstanceOf(PushResult.Failed.class, outcome.result());
        assertTrue(failed.error().contains("HTTP 400 Cannot edit config-based model"), failed.error());
        assertInstanceOf(LiteLlmOutcome.Note.Refused.class, outcome.note().orElseThrow());
        assertEquals(List.of(new UnblockableDeployment("gateway", OPUS, "d-1",
                UnblockableDeployment.Reason.CONFIG_BASED)), limits.of(List.of(OPUS)), "kept for the preview");
    }

    @Test
    void aKeyThatIsNotAProxyAdminsIsRefusedForGood() {
        proxy.deployment("d-1", "claude-opus-4-8");
        key = FakeLiteLlm.USER_KEY;

        LiteLlmOutcome outcome = pusher.push(sink(), row(true));

        PushResult.Failed failed = assertInstanceOf(PushResult.Failed.class, outcome.result());
        assertTrue(failed.error().contains("HTTP 403 Only proxy admins can change a model's blocked flag."),
                failed.error());
        assertFalse(proxy.blocked("d-1"));
        assertEquals(List.of(new UnblockableDeployment("gateway", OPUS, "d-1",
                UnblockableDeployment.Reason.NOT_ALLOWED)), limits.of(List.of(OPUS)), "kept for the preview");

        key = FakeLiteLlm.MASTER_KEY; // an admin's key now: blocked, and nothing stands in the way any more
        pusher.push(sink(), row(true));
        assertTrue(proxy.blocked("d-1"));
        assertEquals(List.of(), limits.of(List.of(OPUS)));
    }

    @Test
    void aSecondPodThatReloadsLateKeepsTheChangeWaitingUntilItShowsIt() {
        proxy.deployment("d-1", "claude-opus-4-8").withLatePod();

        LiteLlmOutcome first = pusher.push(sink(), row(true)); // reads: pod 1 (before), pod 2 (after, stale)

        PushResult.Retry retry = assertInstanceOf(PushResult.Retry.class, first.result());
        assertTrue(retry.error().contains("1 of 1 deployments do not show the change"), retry.error());
        assertEquals(Optional.empty(), first.note(), "not yet verified is no news for the thread");
        proxy.reloadLatePod();

        assertEquals(new PushResult.Delivered(), pusher.push(sink(), row(true)).result());
        assertEquals(1, proxy.calls().size(), "the write that landed is not repeated");
    }

    @Test
    void aChangeNeverShownWithinTheVerificationTimeFailsForGood() {
        proxy.deployment("d-1", "claude-opus-4-8").withLatePod();
        now = NOW.plus(Duration.ofMinutes(11));

        LiteLlmOutcome outcome = pusher.push(sink(), row(true));

        assertInstanceOf(PushResult.Failed.class, outcome.result());
        assertInstanceOf(LiteLlmOutcome.Note.NotVerified.class, outcome.note().orElseThrow());
    }

    @Test
    void aProxyThatIsDownIsRetriedAndSaysSo() throws IOException {
        proxy.deployment("d-1", "claude-opus-4-8").down();

        LiteLlmOutcome outcome = pusher.push(sink(), row(true));

        assertInstanceOf(PushResult.Retry.class, outcome.result());
        assertInstanceOf(LiteLlmOutcome.Note.Down.class, outcome.note().orElseThrow());
        proxy.up();
        assertEquals(new PushResult.Delivered(), pusher.push(sink(), row(true)).result());
    }

    @Test
    void aMappedNameNoDeploymentCarriesIsRefusedNamingIt() {
        proxy.deployment("d-4", "gpt-5");

        PushResult.Failed failed = assertInstanceOf(PushResult.Failed.class, pusher.push(sink(), row(true)).result());

        assertTrue(failed.error().contains("no deployment on the proxy is named claude-opus-4-8, opus-48-eu"),
                failed.error());
    }
}
