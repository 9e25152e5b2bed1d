package dev.detour.messages;

import dev.detour.incidents.audit.AuditRecord;
import dev.detour.incidents.audit.StoredAuditRecord;

import java.util.List;

/** {@code /detour audit}: newest first, each as when, who, what, before → after, why. */
public final class AuditMessage {

    private AuditMessage() {
    }

    public static SlackMessage render(List<StoredAuditRecord> records, String filter) {
        if (records.isEmpty()) {
            return SlackMessage.plain("No audit records" + filter + ".");
        }
        List<String> lines = records.stream().map(StoredAuditRecord::record).map(AuditMessage::line).toList();
        return SlackMessage.plain("*Audit*" + filter + ", newest first\n" + Limits.lines(lines, Limits.SECTION_TEXT - 200));
    }

    private static String line(AuditRecord record) {
        return "• " + Names.time(record.at()) + " " + Names.actor(record.actor()) + " `" + record.action() + "` "
                + record.subject()
                + (record.before().isPresent() || record.after().isPresent()
                ? " " + record.before().orElse("—") + " → " + record.after().orElse("—") : "")
                + record.reason().map(reason -> ": " + IncidentRootMessage.escape(Limits.clip(reason, 200)))
                .orElse("")
                + record.incident().map(id -> " (" + id + ")").orElse("");
    }
}
