package dev.detour.notifications.slack;

import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.application.AvailabilityService;
import dev.detour.incidents.application.RampService;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.recovery.RampCommand;
import dev.detour.incidents.testing.MovableClock;
import dev.detour.incidents.testing.SeedConfigFactory;
import dev.detour.notifications.testing.FakeSlack;
import dev.detour.notifications.testing.SlackOnH2;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Support hears a feature is moving back gradually while a ramp brings its model back, and the all-clear waits
 * until every ramp has finished (docs/recovery.md, "What each audience sees").
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SupportPostsRampIT implements TestPropertyProvider {
    private static final String TOKEN = "xoxb-1234567890-0987654321-abcdefghijklmnopqrstuvwx";
    private static final Actor ALICE = Actor.user("U0ALICE");

    private final FakeSlack slack = FakeSlack.start(TOKEN);

    @Inject
    SlackDispatcher dispatcher;
    @Inject
    AvailabilityService availability;
    @Inject
    RampService ramps;
    @Inject
    MovableClock clock;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = SlackOnH2.properties(slack, TOKEN);
        properties.put(SeedConfigFactory.STAGED_PROVIDER, "openai");
        properties.put("detour.slack.burst", "1000");
        return properties;
    }

    @AfterAll
    void stop() {
        slack.close();
    }

    @Test
    void theAllClearWaitsUntilEveryRampHasFinished() {
        Target opus48 = Target.model(SeedCatalog.OPUS_48);
        Target gpt5 = Target.model(SeedCatalog.GPT_5);
        availability.disable(List.of(opus48, gpt5), ALICE, Optional.of("test"));
        dispatcher.dispatchDue();
        assertFalse(supportPosts().isEmpty(), "support hears of the paused features");

        clock.advance(Duration.ofMinutes(5));
        ramps.enable(List.of(gpt5), ALICE, Optional.of("back"), false); // OpenAI is staged: a ramp starts
        ramps.enable(List.of(opus48), ALICE, Optional.of("back"), false); // Anthropic comes back at once
        dispatcher.dispatchDue();
        List<String> whileRamping = supportPosts();
        assertTrue(whileRamping.stream().noneMatch(text -> text.contains("All clear")),
                "every feature is back on its usual model, but GPT-5 is still coming back: " + whileRamping);

        clock.advance(Duration.ofMinutes(5));
        ramps.command(gpt5, RampCommand.COMPLETE, ALICE, Optional.empty());
        dispatcher.dispatchDue();
        List<String> after = supportPosts();
        assertTrue(after.get(after.size() - 1).contains("All clear"), "the last ramp ended: " + after);
        assertTrue(after.stream().filter(text -> text.contains("All clear")).count() == 1, after::toString);
    }

    private List<String> supportPosts() {
        return slack.messagesIn("C0SUPPORT").stream().map(FakeSlack::textOf).toList();
    }
}
