package dev.detour.messages;

import dev.detour.incidents.incident.IncidentOpening;
import dev.detour.incidents.incident.Target;
import dev.detour.incidents.incident.TimelineEntry;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What one timeline entry says, for people. The entries that name targets by id ({@code model claude-opus-4-7}),
 * an opening and added targets, are told with display names; other entries' text is shown as stored.
 */
final class TimelineText {
    private final Names names;
    private final Wording words;

    TimelineText(Names names, Wording words) {
        this.names = names;
        this.words = words;
    }

    /**
     * The entry without its actor, Slack-escaped: {@code added Claude Opus 4.7 (`claude-opus-4-7`) to the incident};
     * the text it stores is cut to fit {@code limit} characters once escaped.
     */
    String of(TimelineEntry entry, int limit) {
        if (entry.type() == TimelineEntry.Type.TARGETS_ADDED) {
            List<Target> targets = Target.parseAll(entry.text());
            if (!targets.isEmpty()) {
                return words.get("timeline.targets-added", targets(targets));
            }
        }
        if (entry.type() == TimelineEntry.Type.OPENED) {
            Optional<IncidentOpening> opening = IncidentOpening.parse(entry.text());
            if (opening.isPresent()) {
                String opened = words.get("timeline.opened", words.get("kind." + opening.get().kind().word()),
                        targets(opening.get().affected()));
                String title = opening.get().title();
                return opened + (title.isEmpty() ? "" : words.get("timeline.opened.title",
                        SlackText.escape(title, Limits.room(limit, opened + words.get("timeline.opened.title", "")))));
            }
        }
        return SlackText.escape(entry.text(), limit);
    }

    private String targets(List<Target> targets) {
        return targets.stream().map(names::targetWithId).collect(Collectors.joining(", "));
    }
}
