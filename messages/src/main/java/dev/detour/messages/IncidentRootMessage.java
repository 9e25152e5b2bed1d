package dev.detour.messages;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.BlockElement;
import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.incident.IncidentState;
import dev.detour.incidents.incident.TimelineEntry;
import dev.detour.incidents.readmodel.DetourStatus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * The incident's root message in the incident channel, for on-call: id, state, kind, what is affected and since
 * when, each task class's route, and the buttons that act on it. Edited in place whenever any of that changes.
 */
public final class IncidentRootMessage {
    /** Past this many targets the Disable / Enable buttons become menus, so the actions block stays small. */
    private static final int MAX_TARGET_BUTTONS = 4;

    private final Names names;
    private final IncidentTitle titles;
    private final Wording words;

    public IncidentRootMessage(Names names, Wording words) {
        this.names = names;
        this.titles = new IncidentTitle(names, words);
        this.words = words;
    }

    public SlackMessage render(Incident incident, DetourStatus status) {
        return render(incident, status, List.of());
    }

    /**
     * @param timeline the incident's timeline, whose signal entries become the "signals seen" counters: a
     *                 signal repeated many times shows as a count here, not as many replies in the thread
     */
    public SlackMessage render(Incident incident, DetourStatus status, List<TimelineEntry> timeline) {
        List<LayoutBlock> blocks = new ArrayList<>();
        String headline = words.get(WordKey.ROOT_HEADLINE, incident.id().toString(),
                words.get(WordKey.rootKind(incident.kind())), words.get(WordKey.state(incident.state())));
        blocks.add(header(h -> h.text(plainText(Limits.clip(headline, Limits.HEADER_TEXT)))));
        String since = words.get(WordKey.ROOT_OPENED, SlackTime.slack(incident.openedAt(), status.at()), Names.actor(incident.openedBy()))
                + incident.acknowledgedBy().map(by -> " · " + words.get(WordKey.ROOT_ACKNOWLEDGED, Names.actor(by))).orElse("")
                + incident.resolvedAt().map(at -> " · " + words.get(WordKey.ROOT_RESOLVED, SlackTime.slack(at, status.at()))).orElse("");
        String title = SlackText.escape(titles.of(incident), Limits.room(Limits.SECTION_TEXT, "**\n" + since));
        String about = "*" + title + "*\n" + since;
        blocks.add(section(s -> s.text(markdownText(Limits.clip(about, Limits.SECTION_TEXT)))));

        List<String> affected = incident.affected().stream().map(target -> "• " + names.targetWithId(target)
                + " — " + availability(target, status)).toList();
        blocks.add(section(s -> s.text(markdownText("*" + words.get(WordKey.ROOT_AFFECTED) + "*\n"
                + Limits.lines(affected, Limits.SECTION_TEXT - 20)))));

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
            blocks.add(actions(a -> a.blockId("incident-actions").elements(buttons(incident, status))));
        }
        blocks.add(context(c -> c.elements(List.of(markdownText(words.get(WordKey.ROOT_FOOTER,
                SlackTime.slack(status.at(), status.at())))))));
        String count = String.valueOf(incident.affected().size());
        String text = words.get(WordKey.ROOT_TEXT, headline, SlackText.escape(titles.of(incident),
                Limits.room(Limits.SECTION_TEXT, words.get(WordKey.ROOT_TEXT, headline, "", count))), count);
        return new SlackMessage(Limits.clip(text, Limits.SECTION_TEXT), blocks);
    }

    /**
     * "`gateway` ×3 (last 07:15 UTC) · `statuspage:anthropic` ×1 (…)", one count per source, in order of first
     * sight.
     */
    private String signalsSeen(List<TimelineEntry> timeline, java.time.Instant now) {
        Map<String, List<TimelineEntry>> bySource = timeline.stream()
                .filter(entry -> entry.type() == TimelineEntry.Type.SIGNAL)
                .collect(Collectors.groupingBy(entry -> entry.actor().id(), LinkedHashMap::new, Collectors.toList()));
        List<String> counters = bySource.entrySet().stream().map(source -> words.get(WordKey.ROOT_SIGNAL_COUNT,
                SlackText.escape(source.getKey()), String.valueOf(source.getValue().size()),
                SlackTime.slack(source.getValue().get(source.getValue().size() - 1).at(), now))).toList();
        return Limits.joined(counters, " · ", Limits.SECTION_TEXT - 40);
    }

    private List<BlockElement> buttons(Incident incident, DetourStatus status) {
        String id = incident.id().toString();
        List<BlockElement> elements = new ArrayList<>();
        if (incident.acknowledgedAt().isEmpty()) {
            elements.add(button(b -> b.actionId(Interactions.ACKNOWLEDGE)
                    .text(plainText(words.get(WordKey.ROOT_BUTTON_ACKNOWLEDGE))).value(id).style("primary")));
        }
        List<Target> up = incident.affected().stream().filter(target -> isAvailable(target, status)).toList();
        List<Target> down = incident.affected().stream().filter(target -> !isAvailable(target, status)).toList();
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

    private static boolean isAvailable(Target target, DetourStatus status) {
        return availabilityOf(target, status).map(Availability::available).orElse(true);
    }

    private String availability(Target target, DetourStatus status) {
        return availabilityOf(target, status)
                .map(a -> {
                    WordKey key = a.available() ? WordKey.ROOT_AVAILABLE : WordKey.ROOT_UNAVAILABLE;
                    WordKey keySince = a.available() ? WordKey.ROOT_AVAILABLE_SINCE : WordKey.ROOT_UNAVAILABLE_SINCE;
                    return a.since().map(since -> words.get(keySince, SlackTime.slack(since, status.at())))
                            .orElseGet(() -> words.get(key));
                })
                .orElse(words.get(WordKey.ROOT_UNKNOWN));
    }

    private record Availability(boolean available, Optional<java.time.Instant> since) {
    }

    private static Optional<Availability> availabilityOf(Target target, DetourStatus status) {
        return target.fold(
                provider -> status.providers().stream().filter(p -> p.id().equals(provider)).findFirst()
                        .map(p -> new Availability(p.available(), p.since())),
                model -> modelStatus(model, status).map(m -> new Availability(m.available(), m.since())));
    }

    private static Optional<DetourStatus.ModelStatus> modelStatus(ModelId model, DetourStatus status) {
        return status.models().stream().filter(m -> m.id().equals(model)).findFirst();
    }
}
