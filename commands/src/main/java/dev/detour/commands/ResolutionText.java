package dev.detour.commands;

import dev.detour.incidents.incident.FollowUp;
import dev.detour.incidents.incident.Resolution;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what on-call typed when resolving into a {@link Resolution}: in the command,
 * {@code summary --cause why --follow-up what @owner due 2026-06-20} (each part optional, the follow-up may be
 * repeated); in the form, one follow-up a line in the same shape (docs/slack.md).
 */
final class ResolutionText {
    /** {@code --cause} or {@code --follow-up}; Slack clients often turn {@code --} into an em or en dash. */
    private static final Pattern PART = Pattern.compile("(?:^|\\s)(?:--|—|–)(cause|follow-up)(?:\\s|$)");
    private static final Pattern OWNER = Pattern.compile("(?:^|\\s)(<@[A-Z0-9]+(?:\\|[^>]*)?>|@[\\w.-]+)(?=\\s|$)");
    private static final Pattern DUE = Pattern.compile("(?:^|\\s)(?:due\\s+)?(\\d{4}-\\d{2}-\\d{2})(?=\\s|$)");

    private ResolutionText() {
    }

    static Resolution ofCommand(String text) {
        Matcher part = PART.matcher(text);
        String summary = null;
        String cause = "";
        List<FollowUp> followUps = new ArrayList<>();
        String kind = null;
        int from = 0;
        while (part.find()) {
            String before = text.substring(from, part.start()).strip();
            if (kind == null) {
                summary = before;
            } else {
                cause = add(kind, before, cause, followUps);
            }
            kind = part.group(1);
            from = part.end();
        }
        String rest = text.substring(from).strip();
        if (kind == null) {
            summary = rest;
        } else {
            cause = add(kind, rest, cause, followUps);
        }
        return new Resolution(summary, cause, followUps);
    }

    /** The form's follow-ups field: one a line, blank lines skipped. */
    static List<FollowUp> followUpLines(String text) {
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(line -> !line.isEmpty())
                .map(ResolutionText::followUp).flatMap(Optional::stream).toList();
    }

    private static String add(String kind, String text, String cause, List<FollowUp> followUps) {
        if (kind.equals("cause")) {
            return text;
        }
        followUp(text).ifPresent(followUps::add);
        return cause;
    }

    /** {@code what @owner due 2026-06-20}: the owner and the date may stand anywhere and are taken out of what. */
    static Optional<FollowUp> followUp(String line) {
        String what = line;
        Optional<String> owner = Optional.empty();
        Matcher ownerMatch = OWNER.matcher(what);
        if (ownerMatch.find()) {
            owner = Optional.of(ownerMatch.group(1));
            what = what.substring(0, ownerMatch.start()) + " " + what.substring(ownerMatch.end());
        }
        Optional<LocalDate> due = Optional.empty();
        Matcher dueMatch = DUE.matcher(what);
        if (dueMatch.find()) {
            try {
                due = Optional.of(LocalDate.parse(dueMatch.group(1)));
                what = what.substring(0, dueMatch.start()) + " " + what.substring(dueMatch.end());
            } catch (DateTimeParseException notADate) {
                // left in the text as typed
            }
        }
        what = what.replaceAll("\\s+", " ").replaceAll("[\\s,;—–-]+$", "").strip();
        return what.isEmpty() ? Optional.empty() : Optional.of(new FollowUp(what, owner, due));
    }
}
