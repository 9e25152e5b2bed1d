package dev.detour.messages;

import dev.detour.incidents.catalog.TaskClass;
import dev.detour.incidents.event.DetourEvent;
import dev.detour.incidents.event.DetourEvent.SignalReceived.Suggestion;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.QuestionSettlement;
import dev.detour.incidents.jobs.ConsentTimeouts;
import dev.detour.incidents.ports.ThreadQuestions;
import dev.detour.incidents.readmodel.DetourStatus;
import dev.detour.incidents.routing.Route;
import dev.detour.incidents.routing.RouteCause;
import dev.detour.incidents.routing.RouteState;
import dev.detour.incidents.signals.Signal;
import dev.detour.incidents.signals.SignalEvidence;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The questions of a scenario's thread, open and settled each way: golden files {@code question-*-<scenario>}. */
final class QuestionGoldenCases {
    static final Actor ALICE = Actor.user("U0ALICE");
    static final Instant ANSWERED = Scenario.DISABLED.plusSeconds(4 * 60);

    private QuestionGoldenCases() {
    }

    static List<GoldenCase> of(Scenario scenario, Wording words) {
        ThreadQuestion questions = new ThreadQuestion(scenario.names(), words);
        List<GoldenCase> cases = new ArrayList<>();
        Supplier<List<ThreadQuestions.Asked>> consent = () -> asked(questions, scenario.consentAsked());
        Supplier<List<ThreadQuestions.Asked>> switchOff = () -> asked(questions, scenario.signal(true,
                Signal.Side.PROVIDER, Suggestion.DISABLE, new SignalEvidence.GatewayErrors(
                        Scenario.gateway(0.41, 131, 320, 0, 2559), false)));
        Supplier<List<ThreadQuestions.Asked>> switchOn = () -> asked(questions, scenario.signal(false,
                Signal.Side.PROVIDER, Suggestion.ENABLE, new SignalEvidence.GatewayRecovered(
                        Scenario.gateway(0.004, 1, 310, 0, 812), Duration.ofMinutes(5))));

        add(cases, scenario, "question-consent-open",
                () -> questions.render(consent.get(), scenario.during(), true));
        add(cases, scenario, "question-consent-approved", () -> questions.render(settled(consent.get(),
                QuestionSettlement.Outcome.APPROVED, ALICE), scenario.during(), true));
        add(cases, scenario, "question-consent-timed-out", () -> questions.render(settled(consent.get(),
                QuestionSettlement.Outcome.TIMED_OUT_DENIED, ConsentTimeouts.POLICY), scenario.during(), true));
        add(cases, scenario, "question-consent-overtaken", () -> questions.render(settled(consent.get(),
                QuestionSettlement.Outcome.OVERTAKEN, Actor.policy("failover:consent")), scenario.after(), true));
        add(cases, scenario, "question-consent-closed",
                () -> questions.render(consent.get(), scenario.after(), false));
        add(cases, scenario, "question-switch-off-open",
                () -> questions.render(switchOff.get(), scenario.after(), true));
        add(cases, scenario, "question-switch-off-settled", () -> questions.render(firstDoneRestRecovered(
                switchOff.get()), scenario.during(), true));
        add(cases, scenario, "question-switch-on-provider-off",
                () -> questions.render(switchOn.get(), providersOff(scenario.during()), true));
        DetourStatus allBack = withOpen(scenario.after(), scenario.acknowledged());
        Supplier<List<ThreadQuestions.Asked>> monitor = () -> asked(questions, routeBack(scenario));
        add(cases, scenario, "question-monitor-open", () -> questions.render(monitor.get(), allBack, true));
        add(cases, scenario, "question-monitor-done", () -> questions.render(settled(monitor.get(),
                QuestionSettlement.Outcome.DONE, ALICE), withOpen(scenario.after(), scenario.monitoring()), true));
        add(cases, scenario, "question-resolve-open", () -> questions.render(ThreadQuestion.justAsked(
                questions.resolveSuggestion(scenario.id(), Duration.ofHours(2)), "C0INCIDENTS", "1780816440.000300",
                Scenario.RESOLVED), withOpen(scenario.after(), scenario.monitoring()), true));
        Supplier<List<ThreadQuestions.Asked>> reminder = () -> ThreadQuestion.justAsked(questions.updateReminder(
                scenario.id(), scenario.silence()), "C0INCIDENTS", "1780816440.000400", Scenario.DISABLED);
        add(cases, scenario, "question-update-reminder-open", () -> questions.render(reminder.get(),
                scenario.during(), true));
        add(cases, scenario, "question-update-reminder-posted", () -> questions.render(settled(reminder.get(),
                QuestionSettlement.Outcome.DONE, ALICE), scenario.during(), true));
        Supplier<List<ThreadQuestions.Asked>> rollback = () -> asked(questions, rolledBack(scenario));
        add(cases, scenario, "question-rollback-open", () -> questions.render(rollback.get(),
                withRamp(scenario.during(), rampOf(scenario, 0)), true));
        add(cases, scenario, "question-rollback-retried", () -> questions.render(settled(rollback.get(),
                QuestionSettlement.Outcome.APPROVED, ALICE), withRamp(scenario.during(), rampOf(scenario, 10)), true));
        return cases;
    }

    /** The scenario's first model coming back through a ramp, at {@code percent}% (0: rolled back). */
    private static dev.detour.incidents.recovery.RampShare rampOf(Scenario scenario, int percent) {
        dev.detour.incidents.catalog.Target target = dev.detour.incidents.catalog.Target.model(
                scenario.catalog().models().get(0).id());
        return new dev.detour.incidents.recovery.RampShare(target, percent, percent == 0 ? 2 : 1, Scenario.DISABLED,
                percent == 0 ? Optional.empty() : Optional.of(ANSWERED.plusSeconds(300)));
    }

    /** Its ramp rolled back at 50%: errors reached 41% of 400 requests. */
    private static DetourEvent rolledBack(Scenario scenario) {
        dev.detour.incidents.recovery.RampShare share = rampOf(scenario, 0);
        dev.detour.incidents.recovery.RampSample sample = new dev.detour.incidents.recovery.RampSample(400, 164,
                false, 900, List.of(), Duration.ofMinutes(1));
        return new DetourEvent.RampMoved(Scenario.DISABLED, Actor.policy("recovery"), share.target(),
                scenario.catalog().models().get(0).name(), new dev.detour.incidents.recovery.RampMove.RolledBack(50,
                new dev.detour.incidents.recovery.HoldEvidence(400, 0.41, false, false, Optional.of(sample)),
                dev.detour.incidents.recovery.RampMove.RollbackCause.ERROR_RATE, Optional.empty()),
                Optional.of(share), Optional.empty(), Optional.empty(), Optional.of(scenario.id()));
    }

    private static DetourStatus withRamp(DetourStatus status, dev.detour.incidents.recovery.RampShare ramp) {
        return new DetourStatus(status.at(), status.providers(), status.models(), status.taskClasses(),
                status.openIncidents(), List.of(ramp));
    }

    /** A task class back on its primary model. */
    private static DetourEvent routeBack(Scenario scenario) {
        TaskClass taskClass = scenario.catalog().taskClasses().get(0);
        return new DetourEvent.RouteChanged(Scenario.RESOLVED, Actor.user("U0ALICE"), Optional.empty(),
                new Route(taskClass.id(), RouteState.PRIMARY, Optional.of(taskClass.primary()), Optional.empty(),
                        RouteCause.PRIMARY_AVAILABLE), Optional.empty(), Optional.of(scenario.id()));
    }

    private static DetourStatus withOpen(DetourStatus status, dev.detour.incidents.incident.Incident incident) {
        return new DetourStatus(status.at(), status.providers(), status.models(), status.taskClasses(),
                List.of(incident));
    }

    private static void add(List<GoldenCase> cases, Scenario scenario, String what, Supplier<SlackMessage> render) {
        cases.add(new GoldenCase(what + "-" + scenario.name(), () -> SlackJson.of(render.get())));
    }

    private static List<ThreadQuestions.Asked> asked(ThreadQuestion questions,
                                                      DetourEvent event) {
        return ThreadQuestion.justAsked(questions.asks(event).orElseThrow(), "C0INCIDENTS", "1780816440.000200",
                Scenario.DISABLED);
    }

    private static List<ThreadQuestions.Asked> settled(List<ThreadQuestions.Asked> asked,
                                                        QuestionSettlement.Outcome outcome, Actor by) {
        return asked.stream().map(question -> settle(question, new QuestionSettlement(outcome, by, ANSWERED)))
                .toList();
    }

    private static List<ThreadQuestions.Asked> firstDoneRestRecovered(List<ThreadQuestions.Asked> asked) {
        List<ThreadQuestions.Asked> settled = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            settled.add(settle(asked.get(i), i == 0 ? new QuestionSettlement(QuestionSettlement.Outcome.DONE, ALICE,
                    ANSWERED) : new QuestionSettlement(QuestionSettlement.Outcome.OVERTAKEN,
                    Actor.signal("gateway"), ANSWERED)));
        }
        return settled;
    }

    private static ThreadQuestions.Asked settle(ThreadQuestions.Asked question, QuestionSettlement settlement) {
        return new ThreadQuestions.Asked(question.question(), question.channel(), question.ts(), question.context(),
                question.offered(), question.askedAt(), Optional.of(settlement), false);
    }

    /** The scenario's status with the providers of its models switched off as well. */
    private static DetourStatus providersOff(DetourStatus status) {
        List<DetourStatus.ProviderStatus> providers = status.providers().stream()
                .map(p -> status.models().stream().anyMatch(m -> m.provider().equals(p.id()) && !m.available())
                        ? new DetourStatus.ProviderStatus(p.id(), p.name(), false, Optional.of(Scenario.DISABLED)) : p)
                .toList();
        List<DetourStatus.ModelStatus> models = status.models().stream()
                .map(m -> providers.stream().anyMatch(p -> p.id().equals(m.provider()) && !p.available())
                        ? new DetourStatus.ModelStatus(m.id(), m.provider(), m.name(), m.available(), false, m.since())
                        : m)
                .toList();
        return new DetourStatus(status.at(), providers, models, status.taskClasses(), status.openIncidents());
    }
}
