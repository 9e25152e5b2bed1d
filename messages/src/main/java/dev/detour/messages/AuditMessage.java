package dev.detour.messages;

import dev.detour.incidents.audit.AuditRecord;
import dev.detour.incidents.audit.StoredAuditRecord;
import dev.detour.incidents.incident.IncidentId;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code /detour audit}: newest first, each as when, who, what, before → after, why. */
public final class AuditMessage {
    private final Wording words;

    public AuditMessage(Wording words) {
        this.words = words;
    }

    /** What the records were chosen by, as the command said it: an incident, a subject, how far back. */
    public record Filter(Optional<IncidentId> incident, Optional<String> subject, Optional<Duration> since) {
        public static Filter none() {
            return new Filter(Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    public SlackMessage render(List<StoredAuditRecord> records, Filter filter) {
        String chosen = describe(filter);
        if (records.isEmpty()) {
            return SlackMessage.plain(words.get(WordKey.AUDIT_NONE, chosen));
        }
        List<String> lines = records.stream().map(StoredAuditRecord::record).map(AuditMessage::line).toList();
        return SlackMessage.plain(words.get(WordKey.AUDIT_HEADER, chosen) + "\n"
                + Limits.lines(lines, Limits.SECTION_TEXT - 200));
    }

    /** {@code " for INC-3 in the last 2h"}: each part after a space, so no filter is "". */
    private String describe(Filter filter) {
        List<String> parts = new ArrayList<>();
        filter.incident().ifPresent(id -> parts.add(words.get(WordKey.AUDIT_FOR, id.toString())));
        filter.subject().ifPresent(subject -> parts.add(words.get(WordKey.AUDIT_FOR, SlackText.escape(subject, 200))));
        filter.since().ifPresent(since -> parts.add(words.get(WordKey.AUDIT_IN_THE_LAST, words.duration(since))));
        return parts.isEmpty() ? "" : " " + String.join(" ", parts);
    }

    private static String line(AuditRecord record) {
        return "• " + Names.time(record.at()) + " " + Names.actor(record.actor()) + " `" + record.action().text()
                + "` "
                + SlackText.escape(record.subject().text(), 200)
                + (record.before().isPresent() || record.after().isPresent()
                ? " " + SlackText.escape(record.before().orElse("—"), 200) + " → "
                + SlackText.escape(record.after().orElse("—"), 200) : "")
                + record.reason().map(reason -> ": " + SlackText.escape(reason, 200)).orElse("")
                + record.incident().map(id -> " (" + id + ")").orElse("");
    }
}
