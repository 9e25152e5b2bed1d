package dev.detour.notifications.slack;

import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.application.AvailabilityService;
import dev.detour.incidents.application.IncidentService;
import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.incident.IncidentChange;
import dev.detour.incidents.incident.IncidentKind;
import dev.detour.incidents.incident.Resolution;
import dev.detour.incidents.testing.MovableClock;
import dev.detour.incidents.testing.SeedConfigFactory;
import dev.detour.incidents.testing.TestDatabase;
import dev.detour.notifications.testing.FakeSlack;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A support post describes every task class, so whether it is a status or the all-clear depends on whether users
 * notice anything at all; the reminder to update support asks about one incident (see {@code DetourStatusTest}).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SupportPostsIT implements TestPropertyProvider {
    private static final String TOKEN = "xoxb-1234567890-0987654321-abcdefghijklmnopqrstuvwx";

    private final FakeSlack slack = FakeSlack.start(TOKEN);

    @Inject
    SlackDispatcher dispatcher;
    @Inject
    IncidentService incidents;
    @Inject
    AvailabilityService availability;
    @Inject
    MovableClock clock;

    @Override
    public Map<String, String> getProperties() {
        slack.addChannel("C0INCIDENTS", true);
        slack.addChannel("C0SUPPORT", true);
        slack.addChannel("C0MANAGERS", true);
        Map<String, String> properties = new HashMap<>();
        TestDatabase.h2().forEach((key, value) -> properties.put(key, String.valueOf(value)));
        properties.put(SeedConfigFactory.ENABLED, "true");
        properties.put("slack.bot-token", TOKEN);
        properties.put("slack.api-url", slack.apiUrl());
        properties.put("detour.outbox.first-poll", "1h"); // the test dispatches by hand
        properties.put("detour.slack.burst", "1000");
        return properties;
    }

    @AfterAll
    void stop() {
        slack.close();
    }

    @Test
    void whileAnotherIncidentKeepsATaskClassOffItsPrimarySupportGetsTheStatusNotTheAllClear() {
        disable(SeedCatalog.OPUS_47); // code migration plans wait for consent: users of that incident are affected
        disable(SeedCatalog.OPUS_48); // meeting summaries fall back, contract review stops: a second incident
        Incident opus48 = incidents.openIncidents().stream()
                .filter(incident -> incident.affected().contains(Target.model(SeedCatalog.OPUS_48)))
                .findFirst().orElseThrow();
        dispatcher.dispatchDue();
        slack.clear();

        clock.advance(Duration.ofMinutes(5));
        enable(SeedCatalog.OPUS_48);
        dispatcher.dispatchDue();

        List<String> support = slack.messagesIn("C0SUPPORT").stream().map(FakeSlack::textOf).toList();
        assertFalse(support.isEmpty(), "Opus 4.8's task classes moved back: support hears of it");
        assertTrue(support.stream().noneMatch(text -> text.contains("All clear")), support::toString);
        assertTrue(support.get(support.size() - 1).contains("Code migration plans"), support::toString);
        assertTrue(incidents.find(opus48.id()).isPresent());

        clock.advance(Duration.ofMinutes(5));
        enable(SeedCatalog.OPUS_47);
        dispatcher.dispatchDue();
        List<String> after = slack.messagesIn("C0SUPPORT").stream().map(FakeSlack::textOf).toList();
        assertTrue(after.get(after.size() - 1).contains("All clear"), after::toString);
    }

    @Test
    void postsNameTheShownKindSayWhatChangedSinceTheLastAndTheResolutionReachesSupportInCustomerWords() {
        startClean();
        Incident degradation = ((IncidentChange.Applied) incidents.open(IncidentKind.DEGRADATION, "",
                List.of(Target.model(SeedCatalog.OPUS_48)), Actor.user("U0ALICE"))).incident();
        disable(SeedCatalog.OPUS_48); // contract review pauses: the incident is shown as an outage
        dispatcher.dispatchDue();
        List<String> first = supportPosts();
        assertTrue(first.get(first.size() - 1).startsWith("Outage: some AI features are affected\n"),
                "a paused feature makes it an outage, whatever it was opened as: " + first);
        assertFalse(first.get(first.size() - 1).contains("Since the last update"), first::toString);

        clock.advance(Duration.ofMinutes(5));
        disable(SeedCatalog.OPUS_47); // code migration plans wait for consent
        dispatcher.dispatchDue();
        List<String> second = supportPosts();
        assertTrue(second.get(second.size() - 1).contains("Since the last update: Code migration plans: now paused."),
                second::toString);

        clock.advance(Duration.ofMinutes(5));
        enable(SeedCatalog.OPUS_47);
        enable(SeedCatalog.OPUS_48);
        dispatcher.dispatchDue();
        clock.advance(Duration.ofMinutes(5));
        incidents.resolve(degradation.id(), Actor.user("U0ALICE"), new Resolution("fixed", "", List.of(),
                "Summaries made during the outage can be generated again."));
        dispatcher.dispatchDue();

        List<String> all = supportPosts();
        String resolved = all.get(all.size() - 1);
        assertTrue(resolved.startsWith("Resolved: the outage is over\nThe problem with Anthropic is resolved"),
                all::toString);
        assertTrue(resolved.contains("From the on-call team: Summaries made during the outage can be generated"
                + " again."), resolved);
        assertTrue(all.get(all.size() - 2).contains("All clear"), "the all-clear came when routes were back: " + all);
        assertEquals(1, all.stream().filter(text -> text.startsWith("Resolved")).count(), all::toString);
    }

    /** Nothing off, nothing open, nothing in Slack: whatever another test left. */
    private void startClean() {
        enable(SeedCatalog.OPUS_47);
        enable(SeedCatalog.OPUS_48);
        incidents.openIncidents().forEach(incident -> incidents.resolve(incident.id(), Actor.user("U0ALICE"),
                "test over"));
        dispatcher.dispatchDue();
        slack.clear();
    }

    private List<String> supportPosts() {
        return slack.messagesIn("C0SUPPORT").stream().map(FakeSlack::textOf).toList();
    }

    private void disable(ModelId model) {
        availability.disable(List.of(Target.model(model)), Actor.user("U0ALICE"), Optional.of("test"));
    }

    private void enable(ModelId model) {
        availability.enable(List.of(Target.model(model)), Actor.user("U0ALICE"), Optional.of("test"));
    }
}
