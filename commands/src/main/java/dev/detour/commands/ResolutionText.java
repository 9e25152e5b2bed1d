package dev.detour.commands;

import dev.detour.incidents.incident.FollowUp;
import dev.detour.incidents.incident.Resolution;
import dev.detour.messages.CustomerText;

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
 * {@code [--] summary --public customer text --cause why --follow-up what @owner due 2026-06-20} (each part
 * optional, the follow-up may be repeated; the text for customers is what {@link CustomerText} makes of it); in the
 * form, one follow-up a line in the same shape (docs/slack.md).
 */
final class ResolutionText {
    /** {@code --public}, {@code --cause} or {@code --follow-up}; Slack clients often turn {@code --} into a dash. */
    private static final Pattern PART = Pattern.compile("(?:^|\\s)(?:--|—|–)(public|cause|follow-up)(?:\\s|$)");
    /** A leading {@code --} before the summary, as in {@code resolve INC-4 -- summary}. */
    private static final Pattern LEADING = Pattern.compile("^(?:--|—|–)(?:\\s+|$)");
    private static final Pattern OWNER = Pattern.compile("(?:^|\\s)(<@[A-Z0-9]+(?:\\|[^>]*)?>|@[\\w.-]+)(?=\\s|$)");
    private static final Pattern DUE = Pattern.compile("(?:^|\\s)(?:due\\s+)?(\\d{4}-\\d{2}-\\d{2})(?=\\s|$)");

    private ResolutionText() {
    }

    static Resolution ofCommand(String text) {
        Matcher part = PART.matcher(text);
        String summary = null;
        Parts parts = new Parts();
        String kind = null;
        int from = 0;
        while (part.find()) {
            String before = text.substring(from, part.start()).strip();
            if (kind == null) {
                summary = before;
            } else {
                parts.add(kind, before);
            }
            kind = part.group(1);
            from = part.end();
        }
        String rest = text.substring(from).strip();
        if (kind == null) {
            summary = rest;
        } else {
            parts.add(kind, rest);
        }
        summary = LEADING.matcher(summary).replaceFirst("").strip();
        return new Resolution(summary, parts.cause, parts.followUps, CustomerText.of(parts.customer));
    }

    /** The parts after the summary, as they are read. */
    private static final class Parts {
        private String cause = "";
        private String customer = "";
        private final List<FollowUp> followUps = new ArrayList<>();

        void add(String kind, String text) {
            switch (kind) {
                case "cause" -> cause = text;
                case "public" -> customer = text;
                default -> followUp(text).ifPresent(followUps::add);
            }
        }
    }

    /** The form's follow-ups field: one a line, blank lines skipped. */
    static List<FollowUp> followUpLines(String text) {
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(line -> !line.isEmpty())
                .map(ResolutionText::followUp).flatMap(Optional::stream).toList();
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
