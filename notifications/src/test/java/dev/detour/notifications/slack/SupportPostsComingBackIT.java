package dev.detour.notifications.slack;

import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.application.AvailabilityService;
import dev.detour.incidents.application.RampService;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.Actor;
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

/** Support hears a feature is moving back gradually when a ramp starts to bring its model back (docs/recovery.md). */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SupportPostsComingBackIT implements TestPropertyProvider {
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
        properties.put(SeedConfigFactory.STAGED_PROVIDER, "anthropic");
        properties.put("detour.slack.burst", "1000");
        return properties;
    }

    @AfterAll
    void stop() {
        slack.close();
    }

    @Test
    void whenARampStartsSupportHearsTheFeatureIsMovingBackGradually() {
        Target opus48 = Target.model(SeedCatalog.OPUS_48);
        availability.disable(List.of(opus48), ALICE, Optional.of("test"));
        dispatcher.dispatchDue();
        int before = supportPosts().size();

        clock.advance(Duration.ofMinutes(5));
        ramps.enable(List.of(opus48), ALICE, Optional.of("back"), false); // Anthropic is staged: a ramp starts
        dispatcher.dispatchDue();

        List<String> posts = supportPosts();
        assertTrue(posts.size() > before, "the ramp changed what customers notice: " + posts);
        String last = posts.get(posts.size() - 1);
        assertTrue(last.contains("Since the last update: Meeting summaries: moving back to Claude Opus 4.8 gradually"),
                last);
        assertTrue(last.contains("Meeting summaries: moving back to Claude Opus 4.8 gradually."), last);
        assertFalse(last.contains("All clear"), last);
    }

    private List<String> supportPosts() {
        return slack.messagesIn("C0SUPPORT").stream().map(FakeSlack::textOf).toList();
    }
}
