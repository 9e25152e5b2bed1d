package dev.detour.messages;

import com.slack.api.model.view.View;
import dev.detour.incidents.event.DetourEvent;
import dev.detour.incidents.event.DetourEvent.SignalReceived.Suggestion;
import dev.detour.incidents.signals.Signal;

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
        return new GoldenCase("help", () -> SlackJson.of(new HelpMessage(Wording.english()).render(COMMANDS)));
    }

    /** The commands as {@code dev.detour.commands.Verb} declares them (its test checks that they still are). */
    static final List<HelpMessage.Command> COMMANDS = List.of(
            new HelpMessage.Command("help", "/detour help", false),
            new HelpMessage.Command("status", "/detour status", false),
            new HelpMessage.Command("declare", "/detour declare <provider|model>... [-- reason]", true),
            new HelpMessage.Command("disable", "/detour disable <provider|model>... [-- reason]", true),
            new HelpMessage.Command("enable", "/detour enable <provider|model>... [-- reason]", true),
            new HelpMessage.Command("route", "/detour route <task-class> <model|stop|auto>", true),
            new HelpMessage.Command("consent", "/detour consent <task-class> approve|deny", true),
            new HelpMessage.Command("update", "/detour update <INC-n> <text>", true),
            new HelpMessage.Command("state", "/detour state <INC-n> investigating|identified|monitoring|resolved",
                    true),
            new HelpMessage.Command("resolve", "/detour resolve <INC-n> [-- summary]", true),
            new HelpMessage.Command("reopen", "/detour reopen <INC-n> [-- reason]", true),
            new HelpMessage.Command("summary", "/detour summary <INC-n>", false),
            new HelpMessage.Command("audit", "/detour audit [INC-n|provider|model|task-class] [since <duration>]",
                    false),
            new HelpMessage.Command("subscribe", "/detour subscribe", false),
            new HelpMessage.Command("unsubscribe", "/detour unsubscribe", false));

    /** The support channel's posts only: they must never show an internal id. */
    static Stream<GoldenCase> support() {
        return all().filter(golden -> golden.name().startsWith("support-"));
    }

    static List<GoldenCase> of(Scenario scenario) {
        Names names = scenario.names();
        IncidentRootMessage root = new IncidentRootMessage(names);
        ThreadReply replies = new ThreadReply(names);
        SupportPost support = new SupportPost(names, Wording.english());
        StatusMessage status = new StatusMessage(names);
        Modals modals = new Modals(scenario.catalog());
        List<GoldenCase> cases = new ArrayList<>();
        Cases add = new Cases(scenario.name(), cases);

        add.message("root-open", () -> root.render(scenario.opened(), scenario.during()));
        add.message("root-acknowledged-with-signals", () -> root.render(scenario.acknowledged(), scenario.during(),
                scenario.signals()));
        add.message("root-resolved", () -> root.render(scenario.resolved(), scenario.after(),
                scenario.report().timeline()));

        add.message("reply-state-change", () -> only(replies.render(scenario.stateChanged())));
        add.message("reply-update", () -> only(replies.render(scenario.updated())));
        add.message("reply-resolve", () -> only(replies.render(scenario.resolvedEvent())));
        add.message("reply-availability-change", () -> only(replies.render(scenario.availabilityChanged())));
        add.message("reply-route-change", () -> only(replies.render(scenario.routeChanged())));
        add.message("reply-consent-question", () -> only(replies.render(scenario.consentAsked())));
        add.message("reply-consent-timeout", () -> only(replies.render(scenario.consentTimedOut())));
        add.message("reply-signal-disable", () -> only(replies.render(scenario.signal(true, Signal.Side.PROVIDER,
                Suggestion.DISABLE, "error rate 41% over 60s (320 requests)"))));
        add.message("reply-signal-enable", () -> only(replies.render(scenario.signal(false, Signal.Side.PROVIDER,
                Suggestion.ENABLE, "error rate 0.4% over 60s (310 requests)"))));
        add.message("reply-signal-our-side", () -> only(replies.render(scenario.signal(true, Signal.Side.OUR_SIDE,
                Suggestion.NONE, "401 for every request: our key is refused"))));
        add.message("reply-signal-capacity", () -> only(replies.render(scenario.signal(true, Signal.Side.CAPACITY,
                Suggestion.NONE, "429 for 12% of requests"))));

        add.message("support-affected", () -> support.affected(scenario.acknowledged(), scenario.during(),
                Optional.empty(), Scenario.NOW.plusSeconds(30 * 60)));
        add.message("support-affected-with-update", () -> support.affected(scenario.acknowledged(),
                scenario.during(), Optional.of(scenario.update()), Scenario.NOW.plusSeconds(30 * 60)));
        add.message("support-all-clear", () -> support.allClear(scenario.resolved(), Scenario.RESOLVED));

        add.message("manager-summary", () -> new ManagerSummary(names, Wording.english()).render(scenario.report()));
        add.message("status", () -> status.render(scenario.during()));
        add.view("app-home", () -> new AppHomeView(status).render(scenario.during()));
        add.view("modal-declare", modals::declare);
        add.view("modal-post-update", () -> modals.postUpdate(scenario.id()));
        add.view("modal-resolve", () -> modals.resolve(scenario.id()));
        AuditMessage audit = new AuditMessage(Wording.english());
        add.message("audit", () -> audit.render(scenario.audit(), new AuditMessage.Filter(Optional.of(scenario.id()),
                Optional.empty(), Optional.empty())));
        add.message("audit-empty", () -> audit.render(List.of(), new AuditMessage.Filter(Optional.of(scenario.id()),
                Optional.empty(), Optional.of(scenario.silence()))));
        add.message("update-nudge", () -> new UpdateNudge(Wording.english()).render(scenario.id(),
                scenario.silence()));
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
