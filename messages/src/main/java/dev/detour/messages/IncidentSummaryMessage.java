package dev.detour.messages;

import dev.detour.incidents.audit.Actor;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.incident.TimelineEntry;
import dev.detour.incidents.signals.Signal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

/** A short summary of one incident: how long, what it affected, and its timeline. */
public final class IncidentSummaryMessage {
    private final Names names;

    public IncidentSummaryMessage(Names names) {
        this.names = names;
    }

    public SlackMessage render(Incident incident, List<TimelineEntry> timeline, Instant now) {
        String title = incident.id() + " · " + incident.kind().word() + " · " + incident.state().word();
        String facts = "*" + IncidentRootMessage.escape(incident.title()) + "*\n"
                + "Duration: " + words(incident.duration(now)) + (incident.isOpen() ? " so far" : "") + "\n"
                + "Affected: " + String.join(", ", incident.affected().stream().map(names::targetWithId).toList())
                + detection(timeline).map(line -> "\n" + line).orElse("");
        List<String> lines = timeline.stream().map(entry -> "• " + Names.time(entry.at()) + " "
                + Names.actor(entry.actor()) + ": " + IncidentRootMessage.escape(entry.text())).toList();
        return new SlackMessage(title, List.of(
                header(h -> h.text(plainText(Limits.clip(title, Limits.HEADER_TEXT)))),
                section(s -> s.text(markdownText(Limits.clip(facts, Limits.SECTION_TEXT)))),
                section(s -> s.text(markdownText("*Timeline*\n" + Limits.lines(lines, Limits.SECTION_TEXT - 20))))));
    }

    /**
     * When we knew compared with when the provider's status page admitted it: our first report is the first
     * entry by our own signals (gateway, Alertmanager) or by a person.
     */
    static Optional<String> detection(List<TimelineEntry> timeline) {
        Optional<Instant> ours = timeline.stream().filter(entry -> entry.actor().kind() == Actor.Kind.USER
                        || entry.actor().kind() == Actor.Kind.SIGNAL && !entry.actor().id().startsWith(STATUSPAGE))
                .map(TimelineEntry::at).min(Instant::compareTo);
        Optional<Instant> theirs = timeline.stream().filter(entry -> entry.actor().kind() == Actor.Kind.SIGNAL
                && entry.actor().id().startsWith(STATUSPAGE)).map(TimelineEntry::at).min(Instant::compareTo);
        if (ours.isEmpty() || theirs.isEmpty()) {
            return theirs.isEmpty() && ours.isPresent() ? Optional.of("Detection: the provider's status page has"
                    + " not reported it") : Optional.empty();
        }
        Duration lead = Duration.between(ours.get(), theirs.get());
        if (lead.isZero()) {
            return Optional.of("Detection: we and the status page reported it at the same time");
        }
        return Optional.of("Detection: we saw it " + words(lead.abs()) + (lead.isNegative()
                ? " after the status page reported it" : " before the status page reported it"));
    }

    private static final String STATUSPAGE = Signal.STATUSPAGE_PREFIX;

    /** {@code 4h 12m}, {@code 35m}, {@code 20s}. */
    public static String words(Duration duration) {
        long hours = duration.toHours();
        long minutes = duration.toMinutesPart();
        if (hours > 0) {
            return hours + "h " + minutes + "m";
        }
        return minutes > 0 ? minutes + "m" : duration.toSecondsPart() + "s";
    }
}
