package dev.detour.messages;

import dev.detour.incidents.event.DetourEvent;
import dev.detour.incidents.incident.TimelineEntry;

import java.util.ArrayList;
import java.util.List;

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
        } else if (event instanceof DetourEvent.RouteChanged route) {
            String before = route.before().map(names::route).orElse("new");
            replies.add(SlackMessage.plain("*" + names.taskClass(route.after().taskClass()) + "*: " + before
                    + " ⇒ " + names.route(route.after()) + " (" + Names.actor(route.actor()) + ")"));
        }
        return replies;
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
