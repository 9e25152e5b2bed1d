package dev.detour.messages;

import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.catalog.ConsentAnswer;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.event.DetourEvent;
import dev.detour.incidents.event.DetourEvent.SignalReceived.Suggestion;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.incident.IncidentChange;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.incident.IncidentKind;
import dev.detour.incidents.incident.IncidentState;
import dev.detour.incidents.incident.TimelineDetail;
import dev.detour.incidents.incident.TimelineEntry;
import dev.detour.incidents.jobs.ConsentTimeouts;
import dev.detour.incidents.routing.Route;
import dev.detour.incidents.routing.RouteCause;
import dev.detour.incidents.routing.RouteReason;
import dev.detour.incidents.routing.RouteState;
import dev.detour.incidents.signals.Signal;
import dev.detour.incidents.signals.SignalEvidence;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import static dev.detour.incidents.SeedCatalog.CODE_MIGRATION;
import static dev.detour.incidents.SeedCatalog.GPT_5;
import static dev.detour.incidents.SeedCatalog.LEGAL_REVIEW;
import static dev.detour.incidents.SeedCatalog.MEETING_SUMMARY;
import static dev.detour.incidents.SeedCatalog.OPUS_47;
import static dev.detour.incidents.SeedCatalog.OPUS_48;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DecisionReplyTest {
    private static final Instant AT = Instant.parse("2026-06-07T07:15:00Z");
    private static final IncidentId ID = new IncidentId(1);
    private static final Optional<IncidentId> INC_1 = Optional.of(ID);
    private static final Actor ALICE = Actor.user("U0ALICE");
    private static final Actor GATEWAY = Actor.signal("gateway");
    /** An actor tag ({@code policy:failover:auto}, {@code signal:gateway}) or an id in code style. */
    private static final Pattern TAG_OR_ID = Pattern.compile("(user|signal|policy|system):|`[a-z0-9-]+`");

    private final DecisionReply replies = new DecisionReply(new Names(SeedCatalog.catalog()), Wording.of("en"));

    private static Incident incident() {
        return ((IncidentChange.Applied) Incident.open(ID, IncidentKind.OUTAGE, "", List.of(Target.model(OPUS_48)),
                GATEWAY, AT)).incident();
    }

    private static DetourEvent.IncidentChanged entries(Actor actor, TimelineDetail... details) {
        return new DetourEvent.IncidentChanged(AT, actor, incident(),
                List.of(details).stream().map(detail -> new TimelineEntry(AT, actor, detail)).toList());
    }

    private static Route primary(dev.detour.incidents.catalog.TaskClassId taskClass,
                                 dev.detour.incidents.catalog.ModelId model) {
        return new Route(taskClass, RouteState.PRIMARY, Optional.of(model), Optional.empty(),
                RouteCause.PRIMARY_AVAILABLE);
    }

    private static DetourEvent.RouteChanged moved(Actor actor, Route before, Route after) {
        return new DetourEvent.RouteChanged(AT, actor, Optional.of(before), after,
                Optional.of(new RouteReason.InWords("elevated 529s")), INC_1);
    }

    private static DetourEvent.SignalReceived failing(dev.detour.incidents.catalog.ModelId model) {
        Signal signal = new Signal("gateway", List.of(Target.model(model)), true, Signal.Severity.DEGRADED,
                Signal.Side.PROVIDER, new SignalEvidence.Alert("HighErrorRate", "error rate 30%"), AT);
        return new DetourEvent.SignalReceived(AT, GATEWAY, signal, INC_1, Suggestion.DISABLE);
    }

    /** What on-call's {@code /detour disable anthropic} makes: the switch, a target added, three routes moved. */
    private List<DetourEvent> providerSwitchedOff() {
        Actor auto = Actor.policy("failover:auto");
        return List.of(
                entries(ALICE, new TimelineDetail.TargetsAdded(List.of(Target.provider(SeedCatalog.ANTHROPIC)))),
                new DetourEvent.AvailabilityChanged(AT, ALICE, Target.provider(SeedCatalog.ANTHROPIC), false,
                        Optional.of("elevated errors"), INC_1),
                moved(auto, primary(MEETING_SUMMARY, OPUS_48), new Route(MEETING_SUMMARY, RouteState.FALLBACK,
                        Optional.of(GPT_5), Optional.empty(), RouteCause.AUTO_FAILOVER)),
                moved(Actor.policy("failover:consent"), primary(CODE_MIGRATION, OPUS_47), new Route(CODE_MIGRATION,
                        RouteState.AWAITING_CONSENT, Optional.empty(), Optional.of(GPT_5), RouteCause.CONSENT_PENDING)),
                moved(Actor.policy("failover:stop"), primary(LEGAL_REVIEW, OPUS_48), new Route(LEGAL_REVIEW,
                        RouteState.STOPPED, Optional.empty(), Optional.empty(), RouteCause.STOP_POLICY)));
    }

    @Test
    void aProviderSwitchedOffIsOneReplyThatSaysWhereEveryTaskClassWentAndThatAQuestionFollows() {
        List<SlackMessage> messages = replies.render(providerSwitchedOff());

        assertEquals(1, messages.size(), "the decision; its fallback question is ThreadQuestion's: " + messages);
        String reply = messages.get(0).text();
        assertTrue(reply.startsWith("<@U0ALICE> switched off Anthropic: elevated errors"), reply);
        assertTrue(reply.contains("*Meeting summaries* → GPT-5"), reply);
        assertTrue(reply.contains("*Code migration plans*: paused, asking on-call before moving to GPT-5"), reply);
        assertTrue(reply.contains("*Contract review*: paused until Claude Opus 4.8 is back"), reply);
        assertFalse(messages.get(0).blocks().toString().contains("actions"), "no buttons in a reply");
    }

    @Test
    void addingATargetGoesUnsaidWhenTheSameReplySaysItWasSwitchedOff() {
        String reply = replies.render(providerSwitchedOff()).get(0).text();

        assertFalse(reply.contains("added"), reply);
    }

    @Test
    void theDecisionReplyShowsNoActorTagsAndNoIds() {
        String reply = replies.render(providerSwitchedOff()).get(0).text();

        assertFalse(TAG_OR_ID.matcher(reply).find(), reply);
    }

    @Test
    void signalsOfOneSourceSeenTogetherAreOneReplyWithTheirWordsOnce() {
        List<SlackMessage> messages = replies.render(List.of(
                entries(GATEWAY, new TimelineDetail.TargetsAdded(List.of(Target.model(OPUS_47)))),
                told(failing(OPUS_48)), told(failing(OPUS_47))));

        assertEquals(1, messages.size(), messages.toString());
        String text = messages.get(0).text();
        assertEquals(":warning: Our gateway reports Claude Opus 4.8, Claude Opus 4.7 failing: HighErrorRate: error rate"
                + " 30%", text);
        assertFalse(TAG_OR_ID.matcher(text).find(), text);
    }

    @Test
    void signalsThatSuggestASwitchAddNoReplyTheirQuestionSaysThem() {
        assertEquals(List.of(), replies.render(List.of(failing(OPUS_48), failing(OPUS_47))));
    }

    /** The signal as one that asks nothing of on-call (policy acted, or nothing to do). */
    private static DetourEvent.SignalReceived told(DetourEvent.SignalReceived signal) {
        return new DetourEvent.SignalReceived(signal.at(), signal.actor(), signal.signal(), signal.incident(),
                Suggestion.NONE);
    }

    @Test
    void aSwitchOffByPolicySaysWhatWasSeenThenWhatWasDoneThenWhereTheTaskClassesWent() {
        DetourEvent.SignalReceived seen = failing(OPUS_48);
        List<SlackMessage> messages = replies.render(List.of(
                new DetourEvent.SignalReceived(AT, GATEWAY, seen.signal(), INC_1, Suggestion.NONE),
                new DetourEvent.AvailabilityChanged(AT, GATEWAY, Target.model(OPUS_48), false, Optional.empty(),
                        INC_1),
                moved(Actor.policy("failover:auto"), primary(MEETING_SUMMARY, OPUS_48), new Route(MEETING_SUMMARY,
                        RouteState.FALLBACK, Optional.of(GPT_5), Optional.empty(), RouteCause.AUTO_FAILOVER))));

        assertEquals(1, messages.size(), messages.toString());
        assertEquals(":warning: Our gateway reports Claude Opus 4.8 failing: HighErrorRate: error rate 30%\n"
                + "Detour (by policy) switched off Claude Opus 4.8\n"
                + "• *Meeting summaries* → GPT-5", messages.get(0).text());
    }

    @Test
    void acknowledgingOrChangingStateAloneAddsNoReplyTheRootMessageShowsIt() {
        assertEquals(List.of(), replies.render(List.of(entries(ALICE, new TimelineDetail.Acknowledged()))));
        assertEquals(List.of(), replies.render(List.of(entries(ALICE,
                new TimelineDetail.StateChanged(IncidentState.INVESTIGATING, IncidentState.IDENTIFIED)))));
    }

    @Test
    void aConsentAnswerAddsNoReplyItsQuestionIsEditedToSayWhoAnsweredAndWhereTheClassWent() {
        List<SlackMessage> reply = replies.render(List.of(new DetourEvent.RouteChanged(AT, ALICE, Optional.of(new Route(
                CODE_MIGRATION, RouteState.AWAITING_CONSENT, Optional.empty(), Optional.of(GPT_5),
                RouteCause.CONSENT_PENDING)), new Route(CODE_MIGRATION, RouteState.FALLBACK, Optional.of(GPT_5),
                Optional.empty(), RouteCause.CONSENT_APPROVED),
                Optional.of(new RouteReason.ConsentAnswered(ConsentAnswer.APPROVE, GPT_5)), INC_1)));

        assertEquals(List.of(), reply);
    }

    @Test
    void aTimedOutQuestionAddsNoReplyItsQuestionIsEditedToSayNobodyAnswered() {
        List<SlackMessage> reply = replies.render(List.of(new DetourEvent.RouteChanged(AT, ConsentTimeouts.POLICY,
                Optional.of(new Route(CODE_MIGRATION, RouteState.AWAITING_CONSENT, Optional.empty(),
                        Optional.of(GPT_5), RouteCause.CONSENT_PENDING)),
                new Route(CODE_MIGRATION, RouteState.STOPPED, Optional.empty(), Optional.of(GPT_5),
                        RouteCause.CONSENT_TIMEOUT_DENIED),
                Optional.of(new RouteReason.ConsentAnswered(ConsentAnswer.DENY, GPT_5)), INC_1)));

        assertEquals(List.of(), reply);
    }

    @Test
    void resolvingQuotesTheSummaryAndLeavesTheStateItLeftToTheRootMessage() {
        String reply = replies.render(List.of(entries(ALICE, new TimelineDetail.Resolved(IncidentState.MONITORING,
                "Anthropic fixed the overload")))).get(0).text();

        assertEquals("<@U0ALICE> resolved the incident:\n>Anthropic fixed the overload", reply);
    }
}
