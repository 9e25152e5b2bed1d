package dev.detour.messages;

import dev.detour.incidents.audit.AuditRecord;
import dev.detour.incidents.audit.StoredAuditRecord;
import dev.detour.incidents.incident.IncidentId;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

/**
 * {@code /detour audit}: one page, newest first, each as when, who, what, before → after, why; under it how to
 * see older records and, when they are left out, the delivery receipts.
 */
public final class AuditMessage {
    private final Wording words;

    public AuditMessage(Wording words) {
        this.words = words;
    }

    /**
     * What the records were chosen by, as the command said it: an incident, a subject, how far back.
     *
     * @param receipts whether delivery receipts were read too ({@code all})
     */
    public record Filter(Optional<IncidentId> incident, Optional<String> subject, Optional<Duration> since,
                         boolean receipts) {
        public Filter(Optional<IncidentId> incident, Optional<String> subject, Optional<Duration> since) {
            this(incident, subject, since, true);
        }

        public static Filter none() {
            return new Filter(Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    /**
     * @param number which page this is, from 1
     * @param older  what to type for the next, older page, when there is one
     */
    public record Page(int number, Optional<String> older) {
        public static Page first() {
            return new Page(1, Optional.empty());
        }
    }

    public SlackMessage render(List<StoredAuditRecord> records, Filter filter, Instant now) {
        return render(records, filter, Page.first(), now);
    }

    public SlackMessage render(List<StoredAuditRecord> records, Filter filter, Page page, Instant now) {
        String chosen = describe(filter);
        List<String> notes = new ArrayList<>();
        page.older().ifPresent(command -> notes.add(words.get(WordKey.AUDIT_OLDER, SlackText.escape(command, 300))));
        if (!filter.receipts()) {
            notes.add(words.get(WordKey.AUDIT_RECEIPTS_HIDDEN));
        }
        if (records.isEmpty()) {
            return withNotes(words.get(WordKey.AUDIT_NONE, chosen), words.get(WordKey.AUDIT_NONE, chosen), notes);
        }
        String header = page.number() == 1 ? words.get(WordKey.AUDIT_HEADER, chosen)
                : words.get(WordKey.AUDIT_HEADER_PAGE, chosen, String.valueOf(page.number()));
        return withNotes(header + "\n" + lines(records, at -> SlackTime.slack(at, now)),
                header + "\n" + lines(records, at -> SlackTime.plain(at, now)), notes);
    }

    private static SlackMessage withNotes(String mrkdwn, String plain, List<String> notes) {
        String text = Limits.clip(plain + (notes.isEmpty() ? "" : "\n" + String.join("\n", notes)),
                Limits.SECTION_TEXT);
        String body = Limits.clip(mrkdwn, Limits.SECTION_TEXT);
        if (notes.isEmpty()) {
            return new SlackMessage(text, List.of(section(s -> s.text(markdownText(body)))));
        }
        return new SlackMessage(text, List.of(section(s -> s.text(markdownText(body))),
                context(c -> c.elements(List.of(markdownText(String.join("\n", notes)))))));
    }

    private static String lines(List<StoredAuditRecord> records, Function<Instant, String> time) {
        List<String> lines = records.stream().map(StoredAuditRecord::record).map(record -> line(record, time))
                .toList();
        return Limits.lines(lines, Limits.SECTION_TEXT - 200);
    }

    /** {@code " for INC-3 in the last 2h"}: each part after a space, so no filter is "". */
    private String describe(Filter filter) {
        List<String> parts = new ArrayList<>();
        filter.incident().ifPresent(id -> parts.add(words.get(WordKey.AUDIT_FOR, id.toString())));
        filter.subject().ifPresent(subject -> parts.add(words.get(WordKey.AUDIT_FOR, SlackText.escape(subject, 200))));
        filter.since().ifPresent(since -> parts.add(words.get(WordKey.AUDIT_IN_THE_LAST, words.duration(since))));
        return parts.isEmpty() ? "" : " " + String.join(" ", parts);
    }

    private static String line(AuditRecord record, Function<Instant, String> time) {
        return "• " + time.apply(record.at()) + " " + Names.actor(record.actor()) + " `" + record.action().text()
                + "` "
                + SlackText.escape(record.subject().text(), 200)
                + (record.before().isPresent() || record.after().isPresent()
                ? " " + SlackText.escape(record.before().orElse("—"), 200) + " → "
                + SlackText.escape(record.after().orElse("—"), 200) : "")
                + record.reason().map(reason -> ": " + SlackText.escape(reason, 200)).orElse("")
                + record.incident().map(id -> " (" + id + ")").orElse("");
    }
}
