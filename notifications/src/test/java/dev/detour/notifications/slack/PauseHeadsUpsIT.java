package dev.detour.notifications.slack;

import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.application.AvailabilityService;
import dev.detour.incidents.application.IncidentService;
import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.testing.MovableClock;
import dev.detour.notifications.testing.FakeSlack;
import dev.detour.notifications.testing.SlackOnH2;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Managers hear once per pause when a feature has served nothing for longer than the configured time. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PauseHeadsUpsIT implements TestPropertyProvider {
    private static final String TOKEN = "xoxb-1234567890-0987654321-abcdefghijklmnopqrstuvwx";
    private static final Actor ALICE = Actor.user("U0ALICE");

    private final FakeSlack slack = FakeSlack.start(TOKEN);

    @Inject
    SlackDispatcher dispatcher;
    @Inject
    IncidentService incidents;
    @Inject
    AvailabilityService availability;
    @Inject
    PauseHeadsUps headsUps;
    @Inject
    MovableClock clock;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = SlackOnH2.properties(slack, TOKEN);
        properties.put("detour.managers.heads-up-check", "1h"); // and checks by hand
        properties.put("detour.consent.check", "1h");           // questions stay open
        properties.put("detour.slack.burst", "1000");
        return properties;
    }

    @AfterAll
    void stop() {
        slack.close();
    }

    @BeforeEach
    void drain() {
        incidents.openIncidents().forEach(other -> incidents.resolve(other.id(), ALICE, "test over"));
        clock.advance(Duration.ofHours(1));
        while (dispatcher.dispatchDue() > 0) {
            clock.advance(Duration.ofSeconds(1));
        }
        slack.clear();
    }

    @Test
    void aFeaturePausedLongerThanThirtyMinutesGetsOneHeadsUpPerPause() {
        off(SeedCatalog.OPUS_48); // Contract review has no other model: paused

        clock.advance(Duration.ofMinutes(29));
        assertEquals(0, headsUps.postDue(), "not before 30 minutes");
        clock.advance(Duration.ofMinutes(2));
        headsUps.postDue();
        dispatcher.dispatchDue();
        assertEquals(1, headsUpsAbout("Contract review").size(), "a heads-up after 31 minutes");
        String first = FakeSlack.blocksOf(headsUpsAbout("Contract review").get(0)).toString();
        assertTrue(first.contains("paused for 31m"), first);
        assertTrue(first.contains("<!date^"), "the time in the reader's zone: " + first);
        assertTrue(first.contains("Claude Opus 4.8"), "which incident and what happens next: " + first);

        clock.advance(Duration.ofMinutes(5));
        headsUps.postDue();
        dispatcher.dispatchDue();
        assertEquals(1, headsUpsAbout("Contract review").size(), "not again for the same pause");

        on(SeedCatalog.OPUS_48);
        clock.advance(Duration.ofMinutes(1));
        off(SeedCatalog.OPUS_48);
        clock.advance(Duration.ofMinutes(31));
        headsUps.postDue();
        dispatcher.dispatchDue();
        assertEquals(2, headsUpsAbout("Contract review").size(), "a new pause gets a new heads-up");

        on(SeedCatalog.OPUS_48);
    }

    @Test
    void nothingIsPausedNothingIsSaid() {
        clock.advance(Duration.ofHours(2));
        assertEquals(0, headsUps.postDue());
    }

    private List<FakeSlack.Call> headsUpsAbout(String feature) {
        return slack.messagesIn("C0MANAGERS").stream()
                .filter(call -> call.param("text").contains(feature) && call.param("text").contains("paused for"))
                .toList();
    }

    private void off(ModelId model) {
        availability.disable(List.of(Target.model(model)), ALICE, Optional.of("test"));
        dispatcher.dispatchDue();
    }

    private void on(ModelId model) {
        availability.enable(List.of(Target.model(model)), ALICE, Optional.of("test"));
        dispatcher.dispatchDue();
    }
}
