package dev.detour.bot.signals;

import dev.detour.bot.testing.CleanSlate;
import dev.detour.commands.CommandHandler;
import dev.detour.commands.CommandReply;
import dev.detour.commands.Delivery;
import dev.detour.commands.InteractionHandler;
import dev.detour.commands.Invoker;
import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.application.AvailabilityService;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.jobs.RampTicks;
import dev.detour.incidents.queries.StatusService;
import dev.detour.incidents.recovery.RampShare;
import dev.detour.incidents.testing.Await;
import dev.detour.incidents.testing.MovableClock;
import dev.detour.incidents.testing.SeedConfigFactory;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Staged recovery end to end, replayed as gateway outcomes (docs/recovery.md): GPT-5 recovers and is enabled, ramps
 * 10% -> 50%, errors climb at 50%, the ramp rolls back to 0% and asks in the thread; on-call presses Retry ramp and
 * it completes. OpenAI's recovery is staged here: steps 10, 50, 100, each held a minute, 20 requests.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RampReplayIT implements TestPropertyProvider {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Target GPT = Target.model(SeedCatalog.GPT_5);
    private static final Invoker ALICE = new Invoker("U0ALICE", "C0INCIDENTS");
    private final FakeSlack slack = SignalTestApp.slack();

    @Inject EmbeddedServer server;
    @Inject MovableClock clock;
    @Inject AvailabilityService availability;
    @Inject CommandHandler commands;
    @Inject InteractionHandler buttons;
    @Inject RampTicks ramps;
    @Inject StatusService status;
    @Inject CleanSlate cleanSlate;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = SignalTestApp.properties(slack);
        properties.put("detour.slack.burst", "100");
        properties.put(SeedConfigFactory.STAGED_PROVIDER, "openai");
        properties.put("detour.recovery.tick", "1h"); // the test ticks by hand
        return properties;
    }

    @AfterAll
    void stop() {
        slack.close();
    }

    @BeforeEach
    void startFromACleanSlate() {
        cleanSlate.restoreAndAwaitDelivery();
        slack.clear();
    }

    /** {@code requests} GPT-5 outcomes, the first {@code failures} of them 529s. */
    private static String batch(int requests, int failures) {
        StringBuilder body = new StringBuilder("{\"outcomes\":[");
        for (int i = 0; i < requests; i++) {
            boolean failed = i < failures;
            body.append(i == 0 ? "" : ",").append("{\"provider\":\"openai\",\"model\":\"gpt-5\",\"ok\":")
                    .append(!failed).append(",\"status\":").append(failed ? 529 : 200).append(",\"latencyMs\":900}");
        }
        return body.append("]}").toString();
    }

    /** A batch every 10 s for {@code duration}, as the apps in the ramp's share send them. */
    private void replay(Duration duration, int requests, int failures) {
        for (long s = 0; s < duration.toSeconds(); s += 10) {
            clock.advance(Duration.ofSeconds(10));
            assertEquals(202, SignalTestApp.post(server.getURI(), "/signals/gateway", batch(requests, failures),
                    SignalTestApp.TOKEN).statusCode());
        }
    }

    private Optional<RampShare> ramp() {
        return status.current().rampOf(GPT);
    }

    private boolean gpt5Available() {
        return status.current().models().stream().filter(model -> model.id().equals(SeedCatalog.GPT_5))
                .findFirst().orElseThrow().available();
    }

    private FakeSlack.Call reply(String containing) {
        return slack.awaitCall("chat.postMessage", call -> call.param("thread_ts") != null
                && call.param("text") != null && call.param("text").contains(containing), WAIT);
    }

    private static String say(CommandReply reply) {
        return assertInstanceOf(CommandReply.Ephemeral.class, reply).message().text();
    }

    @Test
    void aRecoveredModelRampsBackRollsBackWhenErrorsClimbAndCompletesAfterRetry() {
        clock.advance(Duration.ofMinutes(10)); // earlier tests' traffic is out of the window
        availability.disable(List.of(GPT), Actor.user("U0ALICE"), Optional.of("elevated 529s"));

        String enabled = say(commands.execute(commands.parse("enable gpt-5 -- looks healthy again"), ALICE,
                Delivery.UNREPEATABLE));

        assertTrue(enabled.startsWith("GPT-5 is coming back step by step: 10% of traffic first"), enabled);
        assertEquals(10, ramp().orElseThrow().percent());
        assertFalse(gpt5Available(), "a ramping model counts as off");
        FakeSlack.Call started = reply("GPT-5 is coming back step by step: 10% of traffic");
        assertFalse(started.param("blocks").contains(Interactions.RAMP_PAUSE), "a step's reply would keep a stale"
                + " button once the ramp moved on: " + started.param("blocks"));

        replay(Duration.ofMinutes(1), 20, 0); // the 10% share is healthy for the whole hold
        ramps.tick();

        assertEquals(50, ramp().orElseThrow().percent());
        reply("GPT-5 is coming back: 50% of traffic since");

        replay(Duration.ofSeconds(30), 20, 12); // at 50% errors climb to 60%
        ramps.tick();

        Await.await(() -> ramp().map(RampShare::percent), percent -> percent.equals(Optional.of(0)), WAIT,
                "the ramp to roll back to 0%");
        FakeSlack.Call asked = reply("GPT-5 is back to 0% of traffic: at 50%");
        assertTrue(asked.param("text").endsWith("Retry the ramp or keep it off?"), asked.param("text"));
        assertTrue(asked.param("blocks").contains(Interactions.RAMP_RETRY), asked.param("blocks"));
        assertTrue(asked.param("blocks").contains(Interactions.RAMP_KEEP_OFF), asked.param("blocks"));
        assertFalse(gpt5Available());

        String retried = say(buttons.press(Interactions.RAMP_RETRY, "model:gpt-5", ALICE, Delivery.UNREPEATABLE));

        assertTrue(retried.startsWith("Done: GPT-5 is coming back again: 10% of traffic"), retried);
        replay(Duration.ofSeconds(90), 20, 0);
        ramps.tick();
        assertEquals(50, ramp().orElseThrow().percent());
        replay(Duration.ofSeconds(90), 40, 0);
        ramps.tick();

        assertEquals(Optional.empty(), ramp(), "the ramp completed");
        assertTrue(gpt5Available(), "completion switched GPT-5 on");
        reply("GPT-5 is back: 100% of traffic");
    }
}
