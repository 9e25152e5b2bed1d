package dev.detour.messages;

import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.TimelineDetail;
import dev.detour.incidents.incident.TimelineEntry;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What one timeline entry says, for people in Slack. The entries that name targets, an opening and added
 * targets, are told with display names; the others are their plain line ({@link TimelineWords}), escaped.
 */
final class TimelineText {
    private final Names names;
    private final Wording words;
    private final TimelineWords plain;

    TimelineText(Names names, Wording words) {
        this.names = names;
        this.words = words;
        this.plain = new TimelineWords(words);
    }

    /**
     * The entry without its actor, Slack-escaped: {@code added Claude Opus 4.7 (`claude-opus-4-7`) to the incident};
     * its text is cut to fit {@code limit} characters once escaped.
     */
    String of(TimelineEntry entry, int limit) {
        TimelineDetail detail = entry.detail();
        if (detail instanceof TimelineDetail.TargetsAdded added) {
            return words.get(WordKey.TIMELINE_TARGETS_ADDED, targets(added.targets()));
        }
        if (detail instanceof TimelineDetail.Opened opening) {
            String opened = words.get(WordKey.TIMELINE_OPENED, words.get(WordKey.kind(opening.kind())),
                    targets(opening.affected()));
            String title = opening.title();
            return opened + (title.isEmpty() ? "" : words.get(WordKey.TIMELINE_OPENED_TITLE,
                    SlackText.escape(title, Limits.room(limit, opened + words.get(WordKey.TIMELINE_OPENED_TITLE, "")))));
        }
        if (detail instanceof TimelineDetail.ScopeChosen scope) {
            return Limits.clip(TimelineWords.scope(words, scope, this::names), limit);
        }
        return SlackText.escape(plain(entry), limit);
    }

    /** Display names as configured, escaped for Slack. */
    private String names(List<Target> targets) {
        return targets.stream().map(target -> SlackText.escape(names.target(target), Limits.SECTION_TEXT))
                .collect(Collectors.joining(", "));
    }

    /** The entry's plain line, unescaped. */
    String plain(TimelineEntry entry) {
        return plain.plain(entry.detail());
    }

    private String targets(List<Target> targets) {
        return targets.stream().map(names::targetWithId).collect(Collectors.joining(", "));
    }
}
