package dev.detour.messages;

import com.slack.api.model.view.View;
import dev.detour.incidents.event.DetourEvent;
import dev.detour.incidents.incident.IncidentKind;
import dev.detour.incidents.event.DetourEvent.SignalReceived.Suggestion;
import dev.detour.incidents.signals.Signal;
import dev.detour.incidents.signals.SignalEvidence;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** Every message and view Detour renders, each for the seed scenario, the big one and the hostile one. */
final class GoldenCases {
    private GoldenCases() {
    }

    static Stream<GoldenCase> all() {
        return Stream.concat(Stream.of(help()),
                Stream.of(Scenario.seed(), Scenario.big(), Scenario.hostile()).flatMap(scenario -> of(scenario).stream()));
    }

    /** Help knows no catalog: one file, {@code help.json}, which the commands module compares with its help. */
    static GoldenCase help() {
        return help(ENGLISH);
    }

    static GoldenCase help(Wording words) {
        return new GoldenCase("help", () -> SlackJson.of(new HelpMessage(words).render(COMMANDS)));
    }

    static final Wording ENGLISH = Wording.of("en");

    /** The commands as {@code dev.detour.commands.Verb} declares them (its test checks that they still are). */
    static final List<HelpMessage.Command> COMMANDS = List.of(
            new HelpMessage.Command(WordKey.HELP_VERB_HELP, "/detour help", false),
            new HelpMessage.Command(WordKey.HELP_VERB_STATUS, "/detour status [INC-n]", false),
            new HelpMessage.Command(WordKey.HELP_VERB_DECLARE, "/detour declare <provider|model>... [-- reason]", true),
            new HelpMessage.Command(WordKey.HELP_VERB_DISABLE, "/detour disable <provider|model>... [--dry-run|--now] [-- reason]", true),
            new HelpMessage.Command(WordKey.HELP_VERB_ENABLE, "/detour enable <provider|model>... [--at-once] [--dry-run] [-- reason]", true),
            new HelpMessage.Command(WordKey.HELP_VERB_RAMP,
                    "/detour ramp <provider|model> status|pause|resume|abort|complete [-- reason]", true),
            new HelpMessage.Command(WordKey.HELP_VERB_ROUTE, "/detour route <task-class> <model|stop|auto> [--dry-run]", true),
            new HelpMessage.Command(WordKey.HELP_VERB_CONSENT, "/detour consent <task-class> approve|deny", true),
            new HelpMessage.Command(WordKey.HELP_VERB_UPDATE,
                    "/detour update <INC-n> [--] <text for the thread> [--public <text for customers>]", true),
            new HelpMessage.Command(WordKey.HELP_VERB_STATE, "/detour state <INC-n> investigating|identified|monitoring|resolved",
                    true),
            new HelpMessage.Command(WordKey.HELP_VERB_TITLE, "/detour title <INC-n> <text>", true),
            new HelpMessage.Command(WordKey.HELP_VERB_KIND,
                    "/detour kind <INC-n> outage|degradation|model-change|routing-change|policy-change|maintenance", true),
            new HelpMessage.Command(WordKey.HELP_VERB_RESOLVE, "/detour resolve <INC-n> [-- summary] [--public customer text] [--cause why] [--follow-up what @owner due YYYY-MM-DD]", true),
            new HelpMessage.Command(WordKey.HELP_VERB_REOPEN, "/detour reopen <INC-n> [-- reason]", true),
            new HelpMessage.Command(WordKey.HELP_VERB_SUMMARY, "/detour summary <INC-n> [full]", false),
            new HelpMessage.Command(WordKey.HELP_VERB_AUDIT, "/detour audit [INC-n|provider|model|task-class] [since <duration>] [all] [page <n>]",
                    false),
            new HelpMessage.Command(WordKey.HELP_VERB_MAINTENANCE,
                    "/detour maintenance <provider|model>... <from> <until> [-- reason] | list | cancel <M-id>", true),
            new HelpMessage.Command(WordKey.HELP_VERB_SUBSCRIBE, "/detour subscribe", false),
            new HelpMessage.Command(WordKey.HELP_VERB_UNSUBSCRIBE, "/detour unsubscribe", false));

    /** The support channel's posts only: they must never show an internal id. */
    static Stream<GoldenCase> support() {
        return all().filter(golden -> golden.name().startsWith("support-"));
    }

    static List<GoldenCase> of(Scenario scenario) {
        return of(scenario, ENGLISH);
    }

    /** Every message of {@code scenario}, in {@code words}: the golden files hold them in English. */
    static List<GoldenCase> of(Scenario scenario, Wording words) {
        Names names = scenario.names();
        IncidentRootMessage root = new IncidentRootMessage(names, words);
        SupportPost support = new SupportPost(names, words);
        StatusMessage status = new StatusMessage(names, words);
        Modals modals = new Modals(scenario.catalog(), words);
        List<GoldenCase> cases = new ArrayList<>();
        Cases add = new Cases(scenario.name(), cases);

        add.message("root-open", () -> root.render(scenario.opened(), scenario.during()));
        add.message("root-acknowledged-with-signals", () -> root.render(scenario.acknowledged(), scenario.during(),
                scenario.switchedOff()));
        add.message("root-failing", () -> root.render(scenario.acknowledged(), scenario.failing(),
                scenario.signals()));
        add.message("root-ramping", () -> root.render(scenario.acknowledged(), scenario.rampingBack(),
                scenario.switchedOff()));
        add.message("root-resolved", () -> root.render(scenario.resolved(), scenario.after(),
                scenario.report().timeline()));

        DecisionReply decisions = new DecisionReply(names, words);
        add.message("reply-update", () -> only(decisions.render(List.of(scenario.updated()))));
        add.message("reply-title-set", () -> only(decisions.render(List.of(scenario.titleSet()))));
        add.message("reply-signal-our-side", () -> only(decisions.render(List.of(scenario.signal(true,
                Signal.Side.OUR_SIDE, Suggestion.NONE, new SignalEvidence.OurSideRefused(1.0, 320))))));
        add.message("reply-signal-capacity", () -> only(decisions.render(List.of(scenario.signal(true,
                Signal.Side.CAPACITY, Suggestion.NONE, new SignalEvidence.GatewayErrors(
                        Scenario.gateway(0.12, 38, 320, 38, 900), false))))));
        add.message("decision-switched-off", () -> decisions.render(List.of(scenario.availabilityChanged(),
                scenario.routeChanged(), scenario.consentAsked())).get(0));
        add.message("decision-resolved", () -> only(decisions.render(List.of(scenario.resolvedEvent()))));
        add.message("decision-signal-burst", () -> only(decisions.render(scenario.signalBurst(
                new SignalEvidence.GatewayErrors(Scenario.gateway(0.3, 12, 40, 0, 2559), false), Suggestion.NONE))));
        cases.addAll(QuestionGoldenCases.of(scenario, words));
        cases.addAll(MaintenanceGoldenCases.of(scenario, words));

        add.message("support-affected", () -> support.affected(scenario.acknowledged(), scenario.during(),
                Optional.empty(), Scenario.NOW.plusSeconds(30 * 60)));
        add.message("support-affected-with-update", () -> support.affected(scenario.acknowledged(),
                scenario.during(), Optional.of(scenario.customerUpdate()), Scenario.NOW.plusSeconds(30 * 60), 3));
        add.message("support-all-clear", () -> support.allClear(scenario.resolved(), Scenario.RESOLVED));
        add.message("support-affected-changed", () -> support.affected(scenario.acknowledged(), IncidentKind.OUTAGE,
                scenario.during(), Optional.empty(), Scenario.NOW.plusSeconds(30 * 60), 2,
                SupportPost.announced(scenario.after())));
        add.message("support-affected-coming-back", () -> support.affected(scenario.acknowledged(),
                IncidentKind.OUTAGE, scenario.comingBack(), Optional.empty(), Scenario.NOW.plusSeconds(30 * 60), 2,
                SupportPost.announced(scenario.during())));
        add.message("support-resolved", () -> support.resolved(scenario.resolved(), IncidentKind.OUTAGE,
                Optional.of(Scenario.RECOVERED), Optional.empty()));
        add.message("support-resolved-for-customers", () -> support.resolved(scenario.resolved(),
                IncidentKind.OUTAGE, Optional.of(Scenario.RECOVERED), Optional.of(scenario.customerUpdate())));

        add.message("manager-summary", () -> new ManagerSummary(names, words).render(scenario.report()));
        add.message("manager-summary-full", () -> new ManagerSummary(names, words).renderFull(scenario.report()));
        add.message("manager-summary-ramped", () -> new ManagerSummary(names, words).render(scenario.rampedReport()));
        add.message("manager-summary-ramped-full", () -> new ManagerSummary(names, words)
                .renderFull(scenario.rampedReport()));
        add.message("status", () -> status.render(scenario.during()));
        add.message("preview-disable", () -> new ChangePreviewMessage(names, words)
                .render(PreviewCases.disableFirstProvider(scenario)));
        add.message("preview-confirm", () -> new ChangePreviewMessage(names, words)
                .confirmation(PreviewCases.disableFirstProvider(scenario), Optional.of("elevated 529s"), false));
        add.message("preview-confirm-moved", () -> new ChangePreviewMessage(names, words)
                .confirmation(PreviewCases.disableFirstProvider(scenario), Optional.empty(), true));
        IncidentCatchUp catchUp = new IncidentCatchUp(names, words);
        add.message("status-catch-up", () -> catchUp.render(scenario.reportSoFar(), scenario.during(),
                Optional.of(Scenario.UPDATED.plusSeconds(30 * 60))));
        add.message("status-catch-up-resolved", () -> catchUp.render(scenario.report(), scenario.after(),
                Optional.empty()));
        add.view("app-home", () -> new AppHomeView(status, words).render(scenario.during()));
        add.view("modal-declare", modals::declare);
        add.view("modal-post-update", () -> modals.postUpdate(scenario.id()));
        add.view("modal-post-update-preview", () -> modals.postUpdatePreview(scenario.id(), scenario.updateText(),
                false));
        add.view("modal-resolve", () -> modals.resolve(scenario.id()));
        AuditMessage audit = new AuditMessage(words);
        add.message("audit", () -> audit.render(scenario.audit(), new AuditMessage.Filter(Optional.of(scenario.id()),
                Optional.empty(), Optional.empty(), false), new AuditMessage.Page(1,
                Optional.of("/detour audit " + scenario.id() + " page 2")), Scenario.NOW));
        add.message("audit-empty", () -> audit.render(List.of(), new AuditMessage.Filter(Optional.of(scenario.id()),
                Optional.empty(), Optional.of(scenario.silence()), true), Scenario.NOW));
        add.message("pause-heads-up", () -> new PauseHeadsUp(names, words).render(scenario.pausedFeature(),
                Scenario.NOW));
        return cases;
    }

    /** Each event in these cases adds exactly one reply to the thread. */
    private static SlackMessage only(List<SlackMessage> replies) {
        if (replies.size() != 1) {
            throw new AssertionError("expected one reply, got " + replies.size() + ": " + replies);
        }
        return replies.get(0);
    }

    private record Cases(String scenario, List<GoldenCase> cases) {
        void message(String what, Supplier<SlackMessage> render) {
            cases.add(new GoldenCase(what + "-" + scenario, () -> SlackJson.of(render.get())));
        }

        void view(String what, Supplier<View> render) {
            cases.add(new GoldenCase(what + "-" + scenario, () -> SlackJson.of(render.get())));
        }
    }
}
