package dev.detour.messages;

import dev.detour.incidents.catalog.ConsentAnswer;
import dev.detour.incidents.routing.RouteReason;
import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.event.DetourEvent;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.incident.IncidentChange;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.incident.IncidentKind;
import dev.detour.incidents.jobs.ConsentTimeouts;
import dev.detour.incidents.routing.Route;
import dev.detour.incidents.routing.RouteCause;
import dev.detour.incidents.routing.RouteState;
import dev.detour.incidents.signals.Signal;
import dev.detour.incidents.signals.SignalEvidence;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static dev.detour.incidents.SeedCatalog.CODE_MIGRATION;
import static dev.detour.incidents.SeedCatalog.GPT_5;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThreadReplyTest {
    private static final Instant AT = Instant.parse("2026-06-07T07:15:00Z");
    private static final Optional<IncidentId> INC_1 = Optional.of(new IncidentId(1));
    private final ThreadReply replies = new ThreadReply(new Names(SeedCatalog.catalog()), Wording.of("en"));

    private static final Route PRIMARY = new Route(CODE_MIGRATION, RouteState.PRIMARY,
            Optional.of(SeedCatalog.OPUS_47), Optional.empty(), RouteCause.PRIMARY_AVAILABLE);
    private static final Route AWAITING = new Route(CODE_MIGRATION, RouteState.AWAITING_CONSENT, Optional.empty(),
            Optional.of(GPT_5), RouteCause.CONSENT_PENDING);

    @Test
    void aTimedOutQuestionSaysNobodyAnsweredAndWhichAnswerWasTaken() {
        Route stopped = new Route(CODE_MIGRATION, RouteState.STOPPED, Optional.empty(), Optional.of(GPT_5),
                RouteCause.CONSENT_TIMEOUT_DENIED);
        SlackMessage reply = replies.render(new DetourEvent.RouteChanged(AT, ConsentTimeouts.POLICY,
                Optional.of(AWAITING), stopped, Optional.of(new RouteReason.ConsentAnswered(ConsentAnswer.DENY,
                        SeedCatalog.GPT_5)), INC_1)).get(0);

        assertTrue(reply.text().contains("nobody answered within 15m"), reply.text());
        assertTrue(reply.text().contains("*deny*"), reply.text());
    }

    @Test
    void aRouteThatFollowsAnAnswerSomeoneGaveIsNoTimeoutWhicheverPolicyTriggeredTheReplan() {
        // The timeout of one task class re-plans all of them: another class may move on a person's earlier answer.
        Route approved = new Route(CODE_MIGRATION, RouteState.FALLBACK, Optional.of(GPT_5), Optional.empty(),
                RouteCause.CONSENT_APPROVED);
        SlackMessage reply = replies.render(new DetourEvent.RouteChanged(AT, ConsentTimeouts.POLICY,
                Optional.of(AWAITING), approved, Optional.empty(), INC_1)).get(0);

        assertFalse(reply.text().contains("nobody answered"), reply.text());
    }

    @Test
    void aFallbackThatNeedsConsentOrASignalThatSuggestsSwitchingAddsNoReplyItIsAQuestion() {
        Signal signal = new Signal("gateway", List.of(Target.model(SeedCatalog.OPUS_48)), true, Signal.Severity.DOWN,
                Signal.Side.PROVIDER, new SignalEvidence.GatewayErrors(Scenario.gateway(0.41, 131, 320, 0, 2559),
                false), AT);

        assertEquals(List.of(), replies.render(new DetourEvent.RouteChanged(AT, Actor.policy("failover:consent"),
                Optional.of(PRIMARY), AWAITING, Optional.empty(), INC_1)));
        assertEquals(List.of(), replies.render(new DetourEvent.SignalReceived(AT, Actor.signal("gateway"), signal,
                INC_1, DetourEvent.SignalReceived.Suggestion.DISABLE)));
    }

    @Test
    void aWidenedIncidentNamesTheAddedModelsAsPeopleKnowThem() {
        Incident opened = ((IncidentChange.Applied) Incident.open(new IncidentId(1), IncidentKind.DEGRADATION, "",
                List.of(Target.model(SeedCatalog.OPUS_48)), Actor.signal("gateway"), AT)).incident();
        IncidentChange.Applied widened = (IncidentChange.Applied) opened.affect(
                List.of(Target.model(SeedCatalog.OPUS_47), Target.provider(SeedCatalog.ANTHROPIC)),
                Actor.user("U0ALICE"), AT);

        SlackMessage reply = replies.render(new DetourEvent.IncidentChanged(AT, Actor.user("U0ALICE"),
                widened.incident(), widened.entries())).get(0);

        assertEquals("<@U0ALICE> added Anthropic (`anthropic`), Claude Opus 4.7 (`claude-opus-4-7`) to the incident",
                reply.text());
    }
}
