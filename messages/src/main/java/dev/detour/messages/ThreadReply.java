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
    private final Wording words;
    private final TimelineText timeline;

    public ThreadReply(Names names) {
        this(names, Wording.english());
    }

    public ThreadReply(Names names, Wording words) {
        this.names = names;
        this.words = words;
        this.timeline = new TimelineText(names, words);
    }

    public List<SlackMessage> render(DetourEvent event) {
        List<SlackMessage> replies = new ArrayList<>();
        if (event instanceof DetourEvent.IncidentChanged changed) {
            for (TimelineEntry entry : changed.entries()) {
                if (entry.type() != TimelineEntry.Type.OPENED) {
                    replies.add(SlackMessage.plain(describe(entry)));
                }
            }
        } else if (event instanceof DetourEvent.AvailabilityChanged availability) {
            replies.add(SlackMessage.plain(availabilityChange(availability)));
        } else if (event instanceof DetourEvent.SignalReceived signal) {
            replies.add(signal(signal));
        } else if (event instanceof DetourEvent.RouteChanged route) {
            replies.add(route.after().state() == RouteState.AWAITING_CONSENT ? consentQuestion(route)
                    : SlackMessage.plain(routeChange(route)));
        }
        return replies;
    }

    private String availabilityChange(DetourEvent.AvailabilityChanged availability) {
        String key = availability.available() ? "reply.enabled" : "reply.disabled";
        String who = Names.actor(availability.actor());
        String target = names.targetWithId(availability.target());
        return availability.reason()
                .map(reason -> words.get(key + ".reason", who, target, IncidentRootMessage.escape(reason)))
                .orElseGet(() -> words.get(key, who, target));
    }

    private String routeChange(DetourEvent.RouteChanged route) {
        String taskClass = "*" + names.taskClass(route.after().taskClass()) + "*";
        String before = route.before().map(previous -> names.route(previous, words))
                .orElseGet(() -> words.get("reply.route-change.first"));
        String after = names.route(route.after(), words);
        if (route.actor().equals(ConsentTimeouts.POLICY)) {
            TaskClass policy = names.catalog().taskClass(route.after().taskClass()).orElseThrow();
            return words.get("reply.consent.timeout", taskClass, words.duration(policy.consentTimeout()),
                    words.get("word.answer." + policy.onTimeout().word()), before, after);
        }
        return words.get("reply.route-change", taskClass, before, after, Names.actor(route.actor()));
    }

    /** SPEC §6: names the task class, the model it would move to, and why; Approve / Deny buttons. */
    private SlackMessage consentQuestion(DetourEvent.RouteChanged route) {
        TaskClass taskClass = names.catalog().taskClass(route.after().taskClass()).orElseThrow();
        String offered = route.after().offered().map(names::model)
                .orElseGet(() -> words.get("reply.consent.next-model"));
        String text = words.get("reply.consent.question", taskClass.name(), taskClass.id().value(),
                names.model(taskClass.primary()),
                route.reason().map(reason -> " (" + IncidentRootMessage.escape(reason) + ")").orElse(""),
                offered, words.duration(taskClass.consentTimeout()),
                words.get("word.answer." + taskClass.onTimeout().word()));
        String clipped = Limits.clip(text, Limits.SECTION_TEXT);
        String id = taskClass.id().value();
        return new SlackMessage(clipped, List.of(section(s -> s.text(markdownText(clipped))),
                actions(a -> a.elements(List.of(
                        button(b -> b.actionId(Interactions.CONSENT_APPROVE).style("primary")
                                .text(plainText(Limits.clip(words.get("reply.consent.approve", offered),
                                        Limits.BUTTON_TEXT)))
                                .value(id)),
                        button(b -> b.actionId(Interactions.CONSENT_DENY).style("danger")
                                .text(plainText(words.get("reply.consent.deny"))).value(id)))))));
    }

    /** A signal, with the button that does what it suggests (Disable while failing, Enable once it clears). */
    private SlackMessage signal(DetourEvent.SignalReceived received) {
        Signal signal = received.signal();
        String targets = signal.targets().stream().map(names::target).collect(Collectors.joining(", "));
        String side = switch (signal.side()) {
            case OUR_SIDE -> "\n" + words.get("reply.signal.our-side");
            case CAPACITY -> "\n" + words.get("reply.signal.capacity");
            case PROVIDER -> "";
        };
        String text = words.get(signal.firing() ? "reply.signal.firing" : "reply.signal.cleared", signal.source(),
                targets, IncidentRootMessage.escape(signal.summary())) + side;
        String id = received.incident().map(Object::toString).orElse("");
        return switch (received.suggestion()) {
            case NONE -> SlackMessage.plain(text);
            case DISABLE -> withButtons(text + "\n" + words.get("reply.signal.disable"), id, signal, "disable",
                    Interactions.DISABLE);
            case ENABLE -> withButtons(text + "\n" + words.get("reply.signal.enable"), id, signal, "enable",
                    Interactions.ENABLE);
        };
    }

    /** @param verb {@code disable} or {@code enable}: picks the buttons' wording */
    private SlackMessage withButtons(String text, String incident, Signal signal, String verb, String action) {
        String clipped = Limits.clip(text, Limits.SECTION_TEXT);
        List<BlockElement> buttons = signal.targets().stream().limit(Limits.ACTIONS_ELEMENTS)
                .map(target -> (BlockElement) button(b -> b.actionId(action + ":" + target.id())
                        .text(plainText(Limits.clip(words.get("reply.button." + verb, names.target(target)),
                                Limits.BUTTON_TEXT)))
                        .value(incident + " " + target.kind() + ":" + target.id())))
                .toList();
        return new SlackMessage(clipped, List.of(section(s -> s.text(markdownText(clipped))),
                actions(a -> a.elements(buttons))));
    }

    /** Who did what. */
    private String describe(TimelineEntry entry) {
        String who = Names.actor(entry.actor());
        String text = IncidentRootMessage.escape(entry.text());
        String quoted = text.replace("\n", "\n>");
        return switch (entry.type()) {
            case UPDATE -> words.get("reply.update", who, quoted);
            case RESOLVED -> text.isBlank() ? words.get("reply.resolved", who)
                    : words.get("reply.resolved.summary", who, quoted);
            default -> words.get("reply.entry", who, timeline.of(entry));
        };
    }
}
