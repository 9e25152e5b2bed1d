package dev.detour.messages;

import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.catalog.ConsentAnswer;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.event.DetourEvent;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.incident.QuestionSettlement;
import dev.detour.incidents.jobs.ConsentTimeouts;
import dev.detour.incidents.ports.ThreadQuestions;
import dev.detour.incidents.readmodel.DetourStatus;
import dev.detour.incidents.routing.Route;
import dev.detour.incidents.routing.RouteCause;
import dev.detour.incidents.routing.RouteReason;
import dev.detour.incidents.routing.RouteState;
import dev.detour.incidents.signals.Signal;
import dev.detour.incidents.signals.SignalEvidence;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static dev.detour.incidents.SeedCatalog.CODE_MIGRATION;
import static dev.detour.incidents.SeedCatalog.GPT_5;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThreadQuestionTest {
    private static final Instant AT = Instant.parse("2026-06-07T07:15:00Z");
    private static final Instant ANSWERED = Instant.parse("2026-06-07T07:18:00Z");
    private static final Optional<IncidentId> INC_1 = Optional.of(new IncidentId(1));
    private static final Actor ALICE = Actor.user("U0ALICE");
    private static final Route PRIMARY = new Route(CODE_MIGRATION, RouteState.PRIMARY,
            Optional.of(SeedCatalog.OPUS_47), Optional.empty(), RouteCause.PRIMARY_AVAILABLE);
    private static final Route AWAITING = new Route(CODE_MIGRATION, RouteState.AWAITING_CONSENT, Optional.empty(),
            Optional.of(GPT_5), RouteCause.CONSENT_PENDING);

    private final Scenario seed = Scenario.seed();
    private final ThreadQuestion questions = new ThreadQuestion(seed.names(), Wording.of("en"));

    @Test
    void anOpenConsentQuestionNamesTheClassTheModelAndWhyWithApproveAndDeny() {
        SlackMessage question = questions.render(consentAsked(new RouteReason.InWords("elevated 529s")),
                seed.during(), true);

        assertTrue(question.text().contains("Code migration plans"), question.text());
        assertTrue(question.text().contains("Move it to *GPT-5*?"), question.text());
        assertTrue(question.text().contains("elevated 529s"), question.text());
        assertTrue(question.text().contains("15m") && question.text().contains("*deny*"), question.text());
        String blocks = question.blocks().toString();
        assertTrue(blocks.contains(Interactions.CONSENT_APPROVE) && blocks.contains(Interactions.CONSENT_DENY));
        assertTrue(blocks.contains("value=code-migration"), blocks);
    }

    @Test
    void aQuestionAskedAgainAfterAnAnswerSaysTheAnswerInWords() {
        SlackMessage question = questions.render(consentAsked(new RouteReason.ConsentAnswered(ConsentAnswer.DENY,
                GPT_5)), seed.during(), true);

        assertTrue(question.text().contains("(deny moving to gpt-5)"), question.text());
    }

    // ---- a ramp that rolled back (docs/recovery.md)

    private static final Target GPT = Target.model(GPT_5);

    private DetourStatus rolledBackAt(Instant at) {
        return dev.detour.incidents.testing.RampingStatus.of(SeedCatalog.catalog(),
                dev.detour.incidents.routing.Availability.allAvailable(), at,
                new dev.detour.incidents.recovery.RampShare(GPT, 0, 2, AT, Optional.empty()));
    }

    private DetourStatus rampingAt(Instant at) {
        return dev.detour.incidents.testing.RampingStatus.of(SeedCatalog.catalog(),
                dev.detour.incidents.routing.Availability.allAvailable(), at,
                dev.detour.incidents.testing.RampingStatus.ramp(GPT, 10, 1, ANSWERED));
    }

    private List<ThreadQuestions.Asked> rollbackAsked(Optional<QuestionSettlement> settlement, boolean closed) {
        return List.of(new ThreadQuestions.Asked(dev.detour.incidents.incident.Question.rollback(INC_1.get(), GPT),
                "C0INCIDENTS", "1.2", "GPT-5 is back to 0% of traffic: at 50% errors reached 41%.", Optional.empty(),
                AT, settlement, closed));
    }

    @Test
    void anOpenRollbackAsksRetryOrKeepOffWhileTheRampWaitsAtZero() {
        SlackMessage asked = questions.render(rollbackAsked(Optional.empty(), false), rolledBackAt(AT), true);

        assertEquals("GPT-5 is back to 0% of traffic: at 50% errors reached 41%.\nRetry the ramp or keep it off?",
                asked.text());
        String blocks = asked.blocks().toString();
        assertTrue(blocks.contains(Interactions.RAMP_RETRY) && blocks.contains(Interactions.RAMP_KEEP_OFF), blocks);
        assertTrue(blocks.contains("value=model:gpt-5"), blocks);
    }

    @Test
    void aRetriedRollbackSaysWhoRetriedWhenAndAtWhatShareWithoutButtons() {
        SlackMessage retried = questions.render(rollbackAsked(Optional.of(new QuestionSettlement(
                QuestionSettlement.Outcome.APPROVED, ALICE, ANSWERED)), true), rampingAt(ANSWERED), true);

        assertEquals("GPT-5 is back to 0% of traffic: at 50% errors reached 41%.\nRetried by <@U0ALICE> at "
                + "<!date^1780816680^{time}|07:18 UTC> — ramp back at 10%", retried.text());
        assertEquals(1, retried.blocks().size(), "no buttons once settled");
    }

    @Test
    void aRollbackKeptOffCompletedOrOvertakenSaysSo() {
        DetourStatus after = rampingAt(ANSWERED);
        assertTrue(questions.render(rollbackAsked(Optional.of(new QuestionSettlement(
                QuestionSettlement.Outcome.DENIED, ALICE, ANSWERED)), true), after, true).text()
                .endsWith("Kept off by <@U0ALICE> at <!date^1780816680^{time}|07:18 UTC> — GPT-5 stays off"));
        assertTrue(questions.render(rollbackAsked(Optional.of(new QuestionSettlement(
                QuestionSettlement.Outcome.DONE, ALICE, ANSWERED)), true), after, true).text()
                .contains("Completed by <@U0ALICE>"));
        assertTrue(questions.render(rollbackAsked(Optional.of(new QuestionSettlement(
                QuestionSettlement.Outcome.OVERTAKEN, Actor.policy("recovery"), ANSWERED)), true), after, true)
                .text().endsWith("No answer needed any more — the ramp of GPT-5 moved on"));
    }

    @Test
    void aRollbackNobodyAnsweredBeforeTheResolutionKeepsNoButtonAndSaysHowToGoOn() {
        SlackMessage closed = questions.render(rollbackAsked(Optional.empty(), true), rolledBackAt(ANSWERED), false);

        assertTrue(closed.text().contains("Not answered before the incident was resolved — GPT-5 stays at 0%"),
                closed.text());
        assertTrue(closed.text().contains("`/detour ramp gpt-5 resume`"), closed.text());
        assertEquals(1, closed.blocks().size());
    }

    @Test
    void aRollbackAskedWhileTheRampAlreadyMovedOnShowsNoButton() {
        assertEquals(1, questions.render(rollbackAsked(Optional.empty(), false), rampingAt(ANSWERED), true)
                .blocks().size());
    }

    @Test
    void anApprovedQuestionSaysWhoApprovedWhenAndWhereTheClassRunsNowWithoutButtons() {
        SlackMessage approved = questions.render(settled(consentAsked(new RouteReason.InWords("529s")),
                QuestionSettlement.Outcome.APPROVED, ALICE), seed.during(), true);

        assertEquals("Approved by <@U0ALICE> at <!date^1780816680^{time}|07:18 UTC> — *Code migration plans* now on "
                + "GPT-5", approved.text());
        assertEquals(1, approved.blocks().size(), "no buttons once answered");
    }

    @Test
    void aTimedOutDenyOffersTheMoveWhileTheClassStaysPausedAndTheIncidentIsOpen() {
        List<ThreadQuestions.Asked> expired = settled(consentAsked(new RouteReason.InWords("529s")),
                QuestionSettlement.Outcome.TIMED_OUT_DENIED, ConsentTimeouts.POLICY);

        SlackMessage open = questions.render(expired, seed.during(), true);
        assertEquals("Nobody answered in 15m — *Code migration plans* stays paused", open.text());
        String blocks = open.blocks().toString();
        assertTrue(blocks.contains(Interactions.MOVE_NOW) && blocks.contains("Move to GPT-5 now")
                && blocks.contains("value=code-migration gpt-5"), blocks);

        assertEquals(1, questions.render(expired, seed.during(), false).blocks().size(),
                "no way forward once the incident is resolved");
        assertEquals(1, questions.render(expired, seed.after(), true).blocks().size(),
                "no way forward once the class runs again");
    }

    @Test
    void anOvertakenQuestionSaysWhereTheClassRunsNowWithoutButtons() {
        SlackMessage overtaken = questions.render(settled(consentAsked(new RouteReason.InWords("529s")),
                QuestionSettlement.Outcome.OVERTAKEN, Actor.policy("failover:consent")), seed.after(), true);

        assertTrue(overtaken.text().startsWith("No answer needed any more — *Code migration plans*: "),
                overtaken.text());
        assertFalse(overtaken.text().contains("failover"), "no actor tags: " + overtaken.text());
        assertEquals(1, overtaken.blocks().size());
    }

    @Test
    void aQuestionNobodyAnsweredLosesItsButtonsWhenTheIncidentIsResolved() {
        SlackMessage closed = questions.render(consentAsked(new RouteReason.InWords("529s")), seed.after(), false);

        assertTrue(closed.text().startsWith("Not answered before the incident was resolved"), closed.text());
        assertEquals(1, closed.blocks().size());
    }

    @Test
    void aFailingSignalAsksWithASwitchOffButtonPerModelThatIsStillOn() {
        SlackMessage ask = questions.render(signalAsks(true), seed.after(), true);

        assertTrue(ask.text().contains("Switch them off?"), ask.text());
        String blocks = ask.blocks().toString();
        assertTrue(blocks.contains("value=INC-1 model:claude-opus-4-8") && blocks.contains(
                "value=INC-1 model:claude-opus-4-7"), blocks);
        assertEquals(2, ask.blocks().size());
    }

    @Test
    void noSwitchOffButtonForAModelThatIsOffAlreadyOrWhoseProviderIsOff() {
        SlackMessage ask = questions.render(signalAsks(true), seed.during(), true);

        assertFalse(ask.text().contains("Switch it off?"), ask.text());
        assertEquals(1, ask.blocks().size(), ask.blocks().toString());
    }

    @Test
    void aSwitchSomeoneActedOnSaysWhoDidWhat() {
        List<ThreadQuestions.Asked> asked = signalAsks(true);
        List<ThreadQuestions.Asked> settled = asked.stream().map(q -> q.question().target().orElseThrow()
                .equals(Target.model(SeedCatalog.OPUS_48)) ? settle(q, new QuestionSettlement(
                QuestionSettlement.Outcome.DONE, ALICE, ANSWERED)) : q).toList();

        SlackMessage message = questions.render(settled, seed.after(), true);

        assertTrue(message.text().contains("• Claude Opus 4.8: switched off by <@U0ALICE> at <!date^1780816680^{time}"
                + "|07:18 UTC>"), message.text());
        String blocks = message.blocks().toString();
        assertFalse(blocks.contains("model:claude-opus-4-8"), blocks);
        assertTrue(blocks.contains("model:claude-opus-4-7"), "the other model may still be switched off: " + blocks);
    }

    @Test
    void aRecoveredModelWhoseProviderIsOffOffersToSwitchTheProviderBackOn() {
        DetourStatus anthropicOff = new DetourStatus(seed.during().at(), seed.during().providers().stream()
                .map(p -> p.id().equals(SeedCatalog.ANTHROPIC)
                        ? new DetourStatus.ProviderStatus(p.id(), p.name(), false, Optional.of(AT)) : p).toList(),
                seed.during().models(), seed.during().taskClasses(), seed.during().openIncidents());

        SlackMessage ask = questions.render(signalAsks(false), anthropicOff, true);

        String blocks = ask.blocks().toString();
        assertTrue(blocks.contains("Switch Anthropic back on") && blocks.contains("value=INC-1 provider:anthropic"),
                blocks);
        assertFalse(blocks.contains("model:claude-opus"), "enabling the model alone would not help: " + blocks);
    }

    @Test
    void aHealthyAgainQuestionOffersNoSwitchOnForAModelComingBackThroughARamp() {
        SlackMessage ask = questions.render(signalAsks(false), seed.comingBack(), true);

        String blocks = ask.blocks().toString();
        assertFalse(blocks.contains(Interactions.ENABLE), "enabling a ramping model starts nothing: " + blocks);
    }

    @Test
    void aHealthyAgainQuestionSettledByARampSaysTheModelIsComingBackStepByStep() {
        List<ThreadQuestions.Asked> settled = signalAsks(false).stream().map(q -> settle(q, new QuestionSettlement(
                QuestionSettlement.Outcome.RAMPING, ALICE, ANSWERED))).toList();

        SlackMessage message = questions.render(settled, seed.comingBack(), true);

        assertTrue(message.text().contains("• Claude Opus 4.8: coming back step by step, started by <@U0ALICE> at "
                + "<!date^1780816680^{time}|07:18 UTC> (see the root message)"), message.text());
        assertEquals(1, message.blocks().size(), "no button is left: " + message.blocks());
    }

    @Test
    void noButtonIsLeftOnASwitchQuestionOnceItsIncidentIsResolved() {
        assertEquals(1, questions.render(signalAsks(true), seed.after(), false).blocks().size());
    }

    @Test
    void whenEveryFeatureIsBackDetourSuggestsMonitoringAndSaysWhoMovedItThere() {
        DetourStatus allBack = new DetourStatus(seed.after().at(), seed.after().providers(), seed.after().models(),
                seed.after().taskClasses(), List.of(seed.acknowledged()));
        List<ThreadQuestions.Asked> asked = ThreadQuestion.justAsked(questions.asks(new DetourEvent.RouteChanged(AT,
                ALICE, Optional.of(AWAITING), PRIMARY, Optional.empty(), INC_1)).orElseThrow(), "C0INCIDENTS", "1.3",
                AT);

        String blocks = questions.render(asked, allBack, true).blocks().toString();
        assertTrue(blocks.contains("Move to Monitoring") && blocks.contains("value=INC-1 monitoring"), blocks);
        assertEquals(1, questions.render(asked, seed.during(), true).blocks().size(),
                "no suggestion while a feature is still off its usual model");
        SlackMessage done = questions.render(settled(asked, QuestionSettlement.Outcome.DONE, ALICE),
                seed.after(), true);
        assertTrue(done.text().endsWith("<@U0ALICE> moved the incident to Monitoring at "
                + "<!date^1780816680^{time}|07:18 UTC>"), done.text());
        assertEquals(1, done.blocks().size());
    }

    @Test
    void anIncidentLongInMonitoringGetsAResolveButtonThatGoesOnceItLeavesMonitoring() {
        List<ThreadQuestions.Asked> asked = ThreadQuestion.justAsked(questions.resolveSuggestion(new IncidentId(1),
                Duration.ofHours(2)), "C0INCIDENTS", "1.4", AT);
        DetourStatus monitoring = new DetourStatus(seed.after().at(), seed.after().providers(), seed.after().models(),
                seed.after().taskClasses(), List.of(seed.monitoring()));

        SlackMessage open = questions.render(asked, monitoring, true);
        assertTrue(open.text().startsWith("The incident has been in Monitoring for 2h 0m."), open.text());
        assertTrue(open.blocks().toString().contains(Interactions.RESOLVE), open.blocks().toString());
        assertEquals(1, questions.render(asked, seed.during(), true).blocks().size());
    }

    @Test
    void anUpdateReminderSaysWhoPostedOneAndKeepsNoButtonOnceTheIncidentIsResolved() {
        List<ThreadQuestions.Asked> asked = ThreadQuestion.justAsked(questions.updateReminder(new IncidentId(1),
                Duration.ofMinutes(31)), "C0INCIDENTS", "1.5", AT);

        assertTrue(questions.render(asked, seed.during(), true).blocks().toString()
                .contains(Interactions.POST_UPDATE));
        assertEquals(1, questions.render(asked, seed.after(), false).blocks().size());
        SlackMessage posted = questions.render(settled(asked, QuestionSettlement.Outcome.DONE, ALICE), seed.during(),
                true);
        assertTrue(posted.text().endsWith("<@U0ALICE> posted an update at <!date^1780816680^{time}|07:18 UTC>"),
                posted.text());
        assertEquals(1, posted.blocks().size());
    }

    private List<ThreadQuestions.Asked> consentAsked(RouteReason reason) {
        return ThreadQuestion.justAsked(questions.asks(new DetourEvent.RouteChanged(AT,
                Actor.policy("failover:consent"), Optional.of(PRIMARY), AWAITING, Optional.of(reason), INC_1))
                .orElseThrow(), "C0INCIDENTS", "1.1", AT);
    }

    private List<ThreadQuestions.Asked> signalAsks(boolean firing) {
        Signal signal = new Signal("gateway", List.of(Target.model(SeedCatalog.OPUS_48),
                Target.model(SeedCatalog.OPUS_47)), firing, Signal.Severity.DOWN, Signal.Side.PROVIDER,
                firing ? new SignalEvidence.GatewayErrors(Scenario.gateway(0.41, 131, 320, 0, 2559), false)
                        : new SignalEvidence.GatewayRecovered(Scenario.gateway(0.004, 1, 310, 0, 812),
                        Duration.ofMinutes(5)), AT);
        return ThreadQuestion.justAsked(questions.asks(new DetourEvent.SignalReceived(AT, Actor.signal("gateway"),
                signal, INC_1, firing ? DetourEvent.SignalReceived.Suggestion.DISABLE
                : DetourEvent.SignalReceived.Suggestion.ENABLE)).orElseThrow(), "C0INCIDENTS", "1.2", AT);
    }

    private static List<ThreadQuestions.Asked> settled(List<ThreadQuestions.Asked> asked,
                                                        QuestionSettlement.Outcome outcome, Actor by) {
        return asked.stream().map(q -> settle(q, new QuestionSettlement(outcome, by, ANSWERED))).toList();
    }

    private static ThreadQuestions.Asked settle(ThreadQuestions.Asked question, QuestionSettlement settlement) {
        return new ThreadQuestions.Asked(question.question(), question.channel(), question.ts(), question.context(),
                question.offered(), question.askedAt(), Optional.of(settlement), false);
    }

    @Test
    void signalsOfOneSourceSeenTogetherAreOneQuestionWithAButtonPerModelAndTheirWordsOnce() {
        IncidentId incident = new IncidentId(1);
        List<DetourEvent> burst = List.of(suggesting(incident, SeedCatalog.OPUS_48),
                suggesting(incident, SeedCatalog.OPUS_47));

        List<ThreadQuestion.Asking> asked = questions.asks(burst);

        assertEquals(1, asked.size(), asked.toString());
        assertEquals(2, asked.get(0).questions().size());
        assertEquals(":warning: Our gateway reports Claude Opus 4.8, Claude Opus 4.7 failing: HighErrorRate: error rate"
                + " 30%", asked.get(0).context());
    }

    private static DetourEvent suggesting(IncidentId incident, dev.detour.incidents.catalog.ModelId model) {
        Signal signal = new Signal("gateway", List.of(Target.model(model)), true, Signal.Severity.DEGRADED,
                Signal.Side.PROVIDER, new SignalEvidence.Alert("HighErrorRate", "error rate 30%"), Instant.EPOCH);
        return new DetourEvent.SignalReceived(Instant.EPOCH, Actor.signal("gateway"), signal, Optional.of(incident),
                DetourEvent.SignalReceived.Suggestion.DISABLE);
    }
}
