package dev.detour.messages;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.BlockElement;
import dev.detour.incidents.catalog.ProviderId;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.approval.Approval;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.incident.IncidentState;
import dev.detour.incidents.incident.TimelineEntry;
import dev.detour.incidents.readmodel.DetourStatus;
import dev.detour.incidents.readmodel.IncidentPicture;
import dev.detour.incidents.recovery.RampShare;
import dev.detour.incidents.signals.SignalEvidence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.staticSelect;

/**
 * The incident's root message in the incident channel, for on-call: what matters in the headline (the provider, the
 * kind, how many features are off their usual model), the title, each provider and model with its state (healthy,
 * failing with the numbers, off and by whom), each feature's route, and only the buttons that make sense now.
 * Edited in place whenever any of that changes.
 */
public final class IncidentRootMessage {
    /** Past this many targets the Disable / Enable buttons become menus, so the actions block stays small. */
    private static final int MAX_TARGET_BUTTONS = 4;
    /** Ramps past this many have no buttons of their own on the root (Slack's 50 blocks); their commands work. */
    private static final int MAX_RAMP_CONTROLS = 4;

    private final Names names;
    private final IncidentTitle titles;
    private final Wording words;
    private final SignalEvidenceText evidenceText;

    public IncidentRootMessage(Names names, Wording words) {
        this.names = names;
        this.titles = new IncidentTitle(names, words);
        this.words = words;
        this.evidenceText = new SignalEvidenceText(words, (ProviderId provider) -> names.target(Target.provider(provider)));
    }

    public SlackMessage render(Incident incident, DetourStatus status) {
        return render(incident, status, List.of());
    }

    /**
     * @param timeline the incident's timeline, whose signal entries become the "signals seen" counters: a
     *                 signal repeated many times shows as a count here, not as many replies in the thread
     */
    public SlackMessage render(Incident incident, DetourStatus status, List<TimelineEntry> timeline) {
        return render(incident, status, timeline, List.of(), List.of());
    }

    /**
     * @param approvals the incident's requests for approval (docs/routing.md, "Two-person rule"): each one still
     *                  open shows who asked and when it expires
     * @param sinks     whether the last flag change reached each push sink: one short line, when there are any
     */
    public SlackMessage render(Incident incident, DetourStatus status, List<TimelineEntry> timeline,
                               List<Approval> approvals, List<SinkReach> sinks) {
        return render(incident, status, timeline, approvals, sinks, List.of());
    }

    /**
     * @param unreadable the status pages that cannot be read now: one short line for each of the incident's
     *                   providers among them ("status page unreadable", docs/signals.md)
     */
    public SlackMessage render(Incident incident, DetourStatus status, List<TimelineEntry> timeline,
                               List<Approval> approvals, List<SinkReach> sinks, List<StatusPageUnreadable> unreadable) {
        IncidentPicture picture = IncidentPicture.of(incident, status, timeline, names.catalog());
        Instant now = status.at();
        List<LayoutBlock> blocks = new ArrayList<>();
        String headline = headline(picture);
        blocks.add(header(h -> h.text(plainText(Limits.clip(headline, Limits.HEADER_TEXT)))));
        String since = words.get(WordKey.ROOT_REFERENCE, incident.id().toString(),
                words.get(WordKey.state(incident.state())))
                + " · " + (incident.openedBy().kind() == Actor.Kind.USER
                ? words.get(WordKey.ROOT_OPENED, SlackTime.slack(incident.openedAt(), now),
                Names.actor(incident.openedBy()))
                : words.get(WordKey.ROOT_OPENED_AUTOMATICALLY, SlackTime.slack(incident.openedAt(), now)))
                + incident.acknowledgedBy().map(by -> " · " + words.get(WordKey.ROOT_ACKNOWLEDGED, Names.actor(by))).orElse("")
                + incident.resolvedAt().map(at -> " · " + words.get(WordKey.ROOT_RESOLVED, SlackTime.slack(at, now)))
                .orElse("");
        String title = SlackText.escape(titles.of(picture), Limits.room(Limits.SECTION_TEXT, "**\n" + since));
        String about = "*" + title + "*\n" + since;
        blocks.add(section(s -> s.text(markdownText(Limits.clip(about, Limits.SECTION_TEXT)))));
        List<String> pending = approvals.stream().filter(approval -> approval.open()
                        && approval.kind() == Approval.Kind.REQUEST)
                .map(approval -> new ApprovalMessage(names, words).pending(approval, now)).toList();
        if (!pending.isEmpty() && incident.isOpen()) {
            blocks.add(section(s -> s.text(markdownText(Limits.lines(pending, Limits.SECTION_TEXT - 20)))));
        }

        List<String> affected = picture.targets().stream().map(state -> "• " + names.targetWithId(state.target())
                + " — " + health(state.health(), now)).toList();
        blocks.add(section(s -> s.text(markdownText("*" + words.get(WordKey.ROOT_AFFECTED) + "*\n"
                + Limits.lines(affected, Limits.SECTION_TEXT - 20)))));

        // Targets of this incident coming back through a ramp (docs/recovery.md): one line each.
        RampText rampText = new RampText(names, words);
        List<RampShare> coming = status.ramps().stream()
                .filter(ramp -> incident.covers(ramp.target(), names.catalog())).toList();
        List<String> ramps = coming.stream().map(ramp -> "• " + rampText.line(ramp, now)).toList();
        if (!ramps.isEmpty()) {
            blocks.add(section(s -> s.text(markdownText("*" + words.get(WordKey.ROOT_COMING_BACK) + "*\n"
                    + Limits.lines(ramps, Limits.SECTION_TEXT - 20)))));
        }
        if (incident.isOpen()) {
            coming.stream().filter(ramp -> ramp.percent() > 0).limit(MAX_RAMP_CONTROLS)
                    .forEach(ramp -> blocks.add(rampControls(ramp)));
        }

        List<String> routes = status.taskClasses().stream()
                .filter(taskClass -> touches(taskClass, incident) || taskClass.current().state()
                        != dev.detour.incidents.routing.RouteState.PRIMARY)
                .map(taskClass -> "• " + taskClass.name() + " (`" + taskClass.id() + "`): "
                        + names.route(taskClass.current(), words))
                .toList();
        if (!routes.isEmpty()) {
            blocks.add(section(s -> s.text(markdownText("*" + words.get(WordKey.ROOT_TASK_CLASSES) + "*\n"
                    + Limits.lines(routes, Limits.SECTION_TEXT - 20)))));
        }
        String signals = signalsSeen(timeline, status.at());
        if (!signals.isEmpty()) {
            blocks.add(section(s -> s.text(markdownText(Limits.clip("*" + words.get(WordKey.ROOT_SIGNALS_SEEN) + "*\n"
                    + signals, Limits.SECTION_TEXT)))));
        }
        if (incident.isOpen()) {
            blocks.add(actions(a -> a.blockId("incident-actions").elements(buttons(picture, status))));
        }
        List<ProviderId> ours = picture.providers(names.catalog());
        List<String> pages = unreadable.stream().filter(page -> ours.contains(page.provider()))
                .map(page -> words.get(WordKey.ROOT_STATUS_PAGE_UNREADABLE,
                        names.target(Target.provider(page.provider())), SlackTime.slack(page.since(), now)))
                .toList();
        if (!pages.isEmpty()) {
            blocks.add(context(c -> c.elements(List.of(markdownText(Limits.clip(String.join("\n", pages),
                    Limits.SECTION_TEXT))))));
        }
        if (!sinks.isEmpty()) {
            String reached = String.join(" · ", sinks.stream().map(sink -> words.get(sink.reach().word(),
                    SlackText.escape(sink.name(), 100), sink.at().map(at -> SlackTime.slack(at, now)).orElse("")))
                    .toList());
            blocks.add(context(c -> c.elements(List.of(markdownText(Limits.clip(words.get(WordKey.ROOT_SINKS,
                    reached), Limits.SECTION_TEXT))))));
        }
        blocks.add(context(c -> c.elements(List.of(markdownText(words.get(WordKey.ROOT_FOOTER,
                SlackTime.slack(status.at(), now)))))));
        String id = incident.id().toString();
        String text = words.get(WordKey.ROOT_TEXT, headline, SlackText.escape(titles.of(picture),
                Limits.room(Limits.SECTION_TEXT, words.get(WordKey.ROOT_TEXT, headline, "", id))), id);
        return new SlackMessage(Limits.clip(text, Limits.SECTION_TEXT), blocks);
    }

    /**
     * What matters, in one line: {@code Anthropic outage: 3 features affected}, counting the features (task classes)
     * that are not on their usual model.
     */
    private String headline(IncidentPicture picture) {
        List<String> providers = picture.providers(names.catalog()).stream()
                .map(provider -> names.target(Target.provider(provider))).toList();
        int count = picture.affected().size();
        // Once resolved, the headline says so rather than counting nothing.
        String features = !picture.incident().isOpen() ? words.get(WordKey.state(picture.incident().state()))
                : count == 0 ? words.get(WordKey.ROOT_FEATURES_NONE)
                : count == 1 ? words.get(WordKey.ROOT_FEATURES_ONE)
                : words.get(WordKey.ROOT_FEATURES_MANY, String.valueOf(count));
        String who = providers.size() < 2 ? String.join("", providers)
                : providers.size() == 2 ? words.get(WordKey.WORD_AND, providers.get(0), providers.get(1))
                : words.get(WordKey.ROOT_PROVIDERS_MORE, providers.get(0), String.valueOf(providers.size() - 1));
        String kind = words.get(WordKey.rootKind(picture.kind()));
        // The kind and the count must stay readable: long provider names give way.
        int room = Limits.HEADER_TEXT - words.get(WordKey.ROOT_HEADLINE, "", kind, features).length();
        if (who.length() > room) {
            who = who.substring(0, Math.max(0, room - 1)).strip() + "…";
        }
        return words.get(WordKey.ROOT_HEADLINE, who, kind, features);
    }

    /** On and healthy, failing (with the latest numbers) but still on, or off: by whom and since when, or why. */
    private String health(IncidentPicture.Health health, Instant now) {
        if (health instanceof IncidentPicture.Failing failing) {
            return words.get(WordKey.ROOT_FAILING, evidence(failing.evidence()));
        }
        if (health instanceof IncidentPicture.Off off) {
            if (off.since().isEmpty()) {
                return words.get(WordKey.ROOT_OFF);
            }
            String at = SlackTime.slack(off.since().get(), now);
            return off.by().map(by -> by.kind() == Actor.Kind.USER
                            ? words.get(WordKey.ROOT_OFF_BY, at, Names.actor(by))
                            : words.get(WordKey.ROOT_OFF_AUTOMATICALLY, at))
                    .orElseGet(() -> words.get(WordKey.ROOT_OFF_SINCE, at));
        }
        if (health instanceof IncidentPicture.OffWithProvider off) {
            return words.get(WordKey.ROOT_OFF_WITH_PROVIDER, names.target(Target.provider(off.provider())));
        }
        return words.get(WordKey.ROOT_HEALTHY);
    }

    /** The gateway's numbers short ({@code 30% errors, 12 of 40 requests}); other evidence as its source said it. */
    private String evidence(SignalEvidence evidence) {
        if (evidence instanceof SignalEvidence.GatewayErrors errors) {
            SignalEvidence.GatewayNumbers numbers = errors.numbers();
            return words.get(WordKey.ROOT_EVIDENCE_ERRORS,
                    String.format(Locale.ROOT, "%.0f", 100 * numbers.errorRate()), String.valueOf(numbers.errors()),
                    String.valueOf(numbers.requests()));
        }
        return SlackText.escape(evidenceText.of(evidence), Limits.SECTION_TEXT / 10);
    }

    /**
     * "Our gateway ×3 (last 07:15 UTC) · Anthropic's status page ×1 (…)", one count per source, in order of first
     * sight.
     */
    private String signalsSeen(List<TimelineEntry> timeline, java.time.Instant now) {
        Map<String, List<TimelineEntry>> bySource = timeline.stream()
                .filter(entry -> entry.type() == TimelineEntry.Type.SIGNAL)
                .collect(Collectors.groupingBy(entry -> entry.actor().id(), LinkedHashMap::new, Collectors.toList()));
        SignalSource sources = new SignalSource(names, words);
        List<String> counters = bySource.entrySet().stream().map(source -> words.get(WordKey.ROOT_SIGNAL_COUNT,
                sources.of(source.getKey()), String.valueOf(source.getValue().size()),
                SlackTime.slack(source.getValue().get(source.getValue().size() - 1).at(), now))).toList();
        return Limits.joined(counters, " · ", Limits.SECTION_TEXT - 40);
    }

    /**
     * Only what makes sense now: Acknowledge until someone has; Disable for what is on (not a model whose provider
     * is off); Enable for what is off, and for the provider that keeps a switched-on model off, unless it is coming
     * back through a ramp (enabling it again would start nothing; its ramp has its own buttons).
     */
    private List<BlockElement> buttons(IncidentPicture picture, DetourStatus status) {
        Incident incident = picture.incident();
        String id = incident.id().toString();
        List<BlockElement> elements = new ArrayList<>();
        if (incident.acknowledgedAt().isEmpty()) {
            elements.add(button(b -> b.actionId(Interactions.ACKNOWLEDGE)
                    .text(plainText(words.get(WordKey.ROOT_BUTTON_ACKNOWLEDGE))).value(id).style("primary")));
        }
        List<Target> up = picture.targets().stream().filter(IncidentPicture.TargetState::isOn)
                .map(IncidentPicture.TargetState::target).toList();
        List<Target> down = new ArrayList<>();
        for (IncidentPicture.TargetState state : picture.targets()) {
            Target target = state.health() instanceof IncidentPicture.OffWithProvider off
                    ? Target.provider(off.provider()) : state.target();
            if (!state.isOn() && !down.contains(target) && status.rampOf(target).isEmpty()) {
                down.add(target);
            }
        }
        targetControls(elements, id, up, WordKey.ROOT_BUTTON_DISABLE, WordKey.ROOT_MENU_DISABLE, Interactions.DISABLE,
                Interactions.DISABLE_MENU);
        targetControls(elements, id, down, WordKey.ROOT_BUTTON_ENABLE, WordKey.ROOT_MENU_ENABLE, Interactions.ENABLE,
                Interactions.ENABLE_MENU);
        elements.add(button(b -> b.actionId(Interactions.POST_UPDATE)
                .text(plainText(words.get(WordKey.ROOT_BUTTON_POST_UPDATE))).value(id)));
        List<OptionObject> states = new ArrayList<>();
        for (IncidentState state : IncidentState.values()) {
            if (state != incident.state() && state != IncidentState.RESOLVED) {
                states.add(option(plainText(words.get(WordKey.state(state))), id + " " + state.word()));
            }
        }
        elements.add(staticSelect(s -> s.actionId(Interactions.CHANGE_STATE)
                .placeholder(plainText(words.get(WordKey.ROOT_MENU_CHANGE_STATE))).options(states)));
        elements.add(button(b -> b.actionId(Interactions.RESOLVE).text(plainText(words.get(WordKey.ROOT_BUTTON_RESOLVE)))
                .value(id).style("danger")));
        return elements;
    }

    /**
     * A running ramp's buttons (docs/recovery.md): Pause (Resume while paused), Abort and Complete, each naming its
     * target; pressed, they act as {@code /detour ramp <target> pause|resume|abort|complete}. A rolled-back ramp
     * has none here: its thread reply asks Retry ramp or Keep off.
     */
    private LayoutBlock rampControls(RampShare ramp) {
        Target target = ramp.target();
        String value = target.kind() + ":" + target.id();
        String name = names.target(target);
        boolean paused = ramp.nextStepAt().isEmpty();
        List<BlockElement> elements = List.of(
                rampButton(paused ? Interactions.RAMP_RESUME : Interactions.RAMP_PAUSE,
                        paused ? WordKey.ROOT_BUTTON_RAMP_RESUME : WordKey.ROOT_BUTTON_RAMP_PAUSE, name, value),
                rampButton(Interactions.RAMP_ABORT, WordKey.ROOT_BUTTON_RAMP_ABORT, name, value),
                rampButton(Interactions.RAMP_COMPLETE, WordKey.ROOT_BUTTON_RAMP_COMPLETE, name, value));
        return actions(a -> a.blockId("ramp-actions:" + value).elements(elements));
    }

    private BlockElement rampButton(String action, WordKey label, String name, String value) {
        return button(b -> b.actionId(action + ":" + value)
                .text(plainText(Limits.clip(words.get(label, name), Limits.BUTTON_TEXT))).value(value));
    }

    /** @param button and {@code menu}: the wording for disable or enable */
    private void targetControls(List<BlockElement> elements, String id, List<Target> targets, WordKey button,
                                WordKey menu,
                                String buttonAction, String menuAction) {
        if (targets.isEmpty()) {
            return;
        }
        if (targets.size() <= MAX_TARGET_BUTTONS) {
            for (Target target : targets) {
                elements.add(button(b -> b.actionId(buttonAction + ":" + target.id())
                        .text(plainText(Limits.clip(words.get(button, names.target(target)),
                                Limits.BUTTON_TEXT)))
                        .value(id + " " + target.kind() + ":" + target.id())));
            }
            return;
        }
        List<OptionObject> options = targets.stream().limit(Limits.OPTIONS)
                .map(target -> option(plainText(Limits.clip(names.target(target), Limits.OPTION_TEXT)),
                        id + " " + target.kind() + ":" + target.id()))
                .toList();
        elements.add(staticSelect(s -> s.actionId(menuAction).placeholder(plainText(words.get(menu)))
                .options(options)));
    }

    private boolean touches(DetourStatus.TaskClassStatus taskClass, Incident incident) {
        return taskClass.route().stream().anyMatch(model -> incident.covers(Target.model(model), names.catalog()));
    }
}
