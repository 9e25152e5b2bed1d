package dev.detour.messages;

import com.slack.api.model.block.element.BlockElement;
import dev.detour.incidents.catalog.TaskClass;
import dev.detour.incidents.event.DetourEvent;
import dev.detour.incidents.incident.TimelineEntry;
import dev.detour.incidents.routing.RouteState;
import dev.detour.incidents.service.ConsentTimeouts;
import dev.detour.incidents.signals.Signal;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/**
 * The replies an event adds to its incident's thread, one per meaningful change. The opening itself is the root
 * message, so it adds no reply.
 */
public final class ThreadReply {
    private final Names names;

    public ThreadReply(Names names) {
        this.names = names;
    }

    public List<SlackMessage> render(DetourEvent event) {
        List<SlackMessage> replies = new ArrayList<>();
        if (event instanceof DetourEvent.IncidentChanged changed) {
            for (TimelineEntry entry : changed.entries()) {
                if (entry.type() != TimelineEntry.Type.OPENED) {
                    replies.add(SlackMessage.plain(Names.actor(entry.actor()) + " " + describe(entry)));
                }
            }
        } else if (event instanceof DetourEvent.AvailabilityChanged availability) {
            replies.add(SlackMessage.plain(Names.actor(availability.actor()) + " "
                    + (availability.available() ? "enabled " : "disabled ")
                    + names.targetWithId(availability.target())
                    + availability.reason().map(reason -> ": " + IncidentRootMessage.escape(reason)).orElse("")));
        } else if (event instanceof DetourEvent.SignalReceived signal) {
            replies.add(signal(signal));
        } else if (event instanceof DetourEvent.RouteChanged route) {
            replies.add(route.after().state() == RouteState.AWAITING_CONSENT ? consentQuestion(route)
                    : SlackMessage.plain(routeChange(route)));
        }
        return replies;
    }

    private String routeChange(DetourEvent.RouteChanged route) {
        String taskClass = "*" + names.taskClass(route.after().taskClass()) + "*";
        String before = route.before().map(names::route).orElse("new");
        if (route.actor().equals(ConsentTimeouts.POLICY)) {
            TaskClass policy = names.catalog().taskClass(route.after().taskClass()).orElseThrow();
            return taskClass + ": nobody answered within " + ManagerSummary.duration(policy.consentTimeout())
                    + ", so Detour took the on-timeout answer, *" + policy.onTimeout().word() + "*: " + before
                    + " ⇒ " + names.route(route.after());
        }
        return taskClass + ": " + before + " ⇒ " + names.route(route.after()) + " (" + Names.actor(route.actor())
                + ")";
    }

    /** SPEC §6: names the task class, the model it would move to, and why; Approve / Deny buttons. */
    private SlackMessage consentQuestion(DetourEvent.RouteChanged route) {
        TaskClass taskClass = names.catalog().taskClass(route.after().taskClass()).orElseThrow();
        String offered = route.after().offered().map(names::model).orElse("the next model");
        String text = ":question: *" + taskClass.name() + "* (`" + taskClass.id() + "`) is paused: "
                + names.model(taskClass.primary()) + " is unavailable"
                + route.reason().map(reason -> " (" + IncidentRootMessage.escape(reason) + ")").orElse("")
                + ". Move it to *" + offered + "*?\nIts policy asks on-call first. Without an answer within "
                + ManagerSummary.duration(taskClass.consentTimeout()) + " the answer is *"
                + taskClass.onTimeout().word() + "*. Or: `/detour consent " + taskClass.id() + " approve|deny`";
        String clipped = Limits.clip(text, Limits.SECTION_TEXT);
        String id = taskClass.id().value();
        return new SlackMessage(clipped, List.of(section(s -> s.text(markdownText(clipped))),
                actions(a -> a.elements(List.of(
                        button(b -> b.actionId(Interactions.CONSENT_APPROVE).style("primary")
                                .text(plainText(Limits.clip("Approve: use " + offered, Limits.BUTTON_TEXT)))
                                .value(id)),
                        button(b -> b.actionId(Interactions.CONSENT_DENY).style("danger")
                                .text(plainText("Deny: keep it paused")).value(id)))))));
    }

    /** A signal, with the button that does what it suggests (Disable while failing, Enable once it clears). */
    private SlackMessage signal(DetourEvent.SignalReceived received) {
        Signal signal = received.signal();
        String targets = signal.targets().stream().map(names::target).collect(Collectors.joining(", "));
        String side = switch (signal.side()) {
            case OUR_SIDE -> "\n_Our side: our own credential or account is refused. Nothing is switched off._";
            case CAPACITY -> "\n_Capacity: requests are rate limited._";
            case PROVIDER -> "";
        };
        String text = (signal.firing() ? ":warning: " : ":white_check_mark: ") + "`" + signal.source() + "` "
                + (signal.firing() ? "reports " : "clears ") + targets + ": "
                + IncidentRootMessage.escape(signal.summary()) + side;
        String id = received.incident().map(Object::toString).orElse("");
        return switch (received.suggestion()) {
            case NONE -> SlackMessage.plain(text);
            case DISABLE -> withButtons(text + "\nSwitch it off?", id, signal, "Disable", Interactions.DISABLE);
            case ENABLE -> withButtons(text + "\nSwitch it back on?", id, signal, "Enable", Interactions.ENABLE);
        };
    }

    private SlackMessage withButtons(String text, String incident, Signal signal, String verb, String action) {
        String clipped = Limits.clip(text, Limits.SECTION_TEXT);
        List<BlockElement> buttons = signal.targets().stream().limit(Limits.ACTIONS_ELEMENTS)
                .map(target -> (BlockElement) button(b -> b.actionId(action + ":" + target.id())
                        .text(plainText(Limits.clip(verb + " " + names.target(target), Limits.BUTTON_TEXT)))
                        .value(incident + " " + target.kind() + ":" + target.id())))
                .toList();
        return new SlackMessage(clipped, List.of(section(s -> s.text(markdownText(clipped))),
                actions(a -> a.elements(buttons))));
    }

    private static String describe(TimelineEntry entry) {
        String text = IncidentRootMessage.escape(entry.text());
        return switch (entry.type()) {
            case UPDATE -> "posted an update:\n>" + text.replace("\n", "\n>");
            case RESOLVED -> "resolved the incident" + (text.isBlank() ? "" : ":\n>" + text.replace("\n", "\n>"));
            default -> text;
        };
    }
}
