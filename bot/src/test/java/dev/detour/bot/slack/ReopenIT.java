package dev.detour.bot.slack;

import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.application.IncidentService;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.incident.IncidentChange;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.incident.IncidentKind;
import dev.detour.incidents.incident.IncidentState;
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
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /detour reopen INC-n}: a resolved incident that flares up again, through Slack like every command. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReopenIT implements TestPropertyProvider {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Actor ALICE = Actor.user(SignedSlack.ALICE);

    private final FakeSlack slack = FakeSlack.start(SignedSlack.BOT_TOKEN);

    @Inject
    EmbeddedServer server;
    @Inject
    IncidentService incidents;

    @Override
    public Map<String, String> getProperties() {
        return SignedSlack.seedWorkspace(slack);
    }

    @AfterAll
    void stopSlack() {
        slack.close();
    }

    @BeforeEach
    void nothingOpen() {
        incidents.openIncidents().forEach(open -> incidents.resolve(open.id(), ALICE, "test over"));
    }

    @Test
    void onCallReopensAResolvedIncidentAsANewIncidentLinkedToIt() {
        Incident resolved = resolvedIncidentAbout(SeedCatalog.GPT_5);

        String answer = command(SignedSlack.ALICE, "reopen " + resolved.id() + " -- errors are back");

        Incident reopened = incidents.openIncidents().stream()
                .filter(open -> open.reopenedFrom().equals(Optional.of(resolved.id()))).findFirst().orElseThrow();
        assertTrue(answer.contains("Reopened as *" + reopened.id() + "*"), answer);
        assertEquals(IncidentState.INVESTIGATING, reopened.state());
        assertEquals(resolved.affected(), reopened.affected());
        slack.awaitCall("chat.postMessage", call -> "C0INCIDENTS".equals(call.param("channel"))
                && call.param("thread_ts") == null
                && FakeSlack.blocksOf(call).toString().contains(reopened.id() + " ·"), WAIT);
    }

    @Test
    void reopeningAnIncidentThatIsStillOpenIsRefusedWithAReason() {
        Incident open = assertInstanceOf(IncidentChange.Applied.class, incidents.open(IncidentKind.OUTAGE,
                "still open", List.of(Target.model(SeedCatalog.OPUS_47)), ALICE)).incident();

        String answer = command(SignedSlack.ALICE, "reopen " + open.id());

        assertTrue(answer.contains("Nothing was changed"), answer);
        assertEquals(List.of(open.id()), incidents.openIncidents().stream().map(Incident::id).toList());
    }

    @Test
    void someoneOutsideOnCallMayNotReopen() {
        Incident resolved = resolvedIncidentAbout(SeedCatalog.OPUS_48);

        String answer = command("U0MALLORY", "reopen " + resolved.id());

        assertTrue(answer.contains("on-call"), answer);
        assertTrue(incidents.openIncidents().isEmpty());
    }

    private Incident resolvedIncidentAbout(dev.detour.incidents.catalog.ModelId model) {
        IncidentId id = assertInstanceOf(IncidentChange.Applied.class, incidents.open(IncidentKind.OUTAGE,
                "flares up", List.of(Target.model(model)), ALICE)).incident().id();
        return assertInstanceOf(IncidentChange.Applied.class, incidents.resolve(id, ALICE, "fixed")).incident();
    }

    /** Sends the command signed as Slack signs it and returns Detour's ephemeral answer. */
    private String command(String user, String text) {
        String responseUrl = slack.newResponseUrl();
        assertEquals(200, new SignedSlack(server.getURI(), slack).command(user, text, responseUrl).statusCode());
        return slack.awaitResponse(response -> response.url().equals(responseUrl), WAIT).body().path("text").asText();
    }
}
