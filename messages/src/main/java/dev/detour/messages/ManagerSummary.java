package dev.detour.messages;

import com.slack.api.model.block.LayoutBlock;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.incident.TimelineEntry;
import dev.detour.incidents.readmodel.IncidentPicture;
import dev.detour.incidents.readmodel.IncidentReport;
import dev.detour.incidents.readmodel.RouteChange;
import dev.detour.incidents.readmodel.RouteStretch;
import dev.detour.incidents.routing.RouteState;
import dev.detour.incidents.signals.Signal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

/**
 * For managers (the summary channel on resolve, and {@code /detour summary}). {@link #render} is the two-minute
 * read (docs/slack.md, "Manager summary"): how long users were affected next to how long the incident was open,
 * one line per feature, how it was found, who decided what (defaults taken by policy too), the cause and the
 * follow-ups. {@link #renderFull} adds every signal and the whole timeline ({@code /detour summary INC-n full}).
 */
public final class ManagerSummary {
    private static final String STATUSPAGE = Signal.STATUSPAGE_PREFIX;
    /** Room for one entry's text in a list: what is left of a section after its heading and the entry's time. */
    private static final int ITEM = Limits.SECTION_TEXT - 200;

    private final Names names;
    private final IncidentTitle titles;
    private final Wording words;
    private final TimelineText timelineText;
    private final BriefSummary brief;

    public ManagerSummary(Names names, Wording words) {
        this.names = names;
        this.titles = new IncidentTitle(names, words);
        this.words = words;
        this.timelineText = new TimelineText(names, words);
        this.brief = new BriefSummary(names, words);
    }

    /** The short summary: at most 15 lines for an incident like the seed one. */
    public SlackMessage render(IncidentReport report) {
        return brief.render(report);
    }

    /** Everything: durations, each fallback and pause, every decision and signal, the timeline. */
    public SlackMessage renderFull(IncidentReport report) {
        Incident incident = report.incident();
        Instant end = incident.resolvedAt().orElse(report.at());
        String title = words.get(WordKey.SUMMARY_HEADER, incident.id());
        Function<Instant, String> slack = at -> SlackTime.slack(at, report.at());
        Function<Instant, String> plain = at -> SlackTime.plain(at, report.at());
        List<String> facts = facts(report, end, slack);
        List<String> periods = periods(report, end, slack);

        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(Limits.clip(title, Limits.HEADER_TEXT)))));
        blocks.add(section(s -> s.text(markdownText(Limits.clip(String.join("\n", facts), Limits.SECTION_TEXT)))));
        blocks.add(list(words.get(WordKey.SUMMARY_PERIODS), periods.isEmpty()
                ? List.of(words.get(WordKey.SUMMARY_PERIOD_NONE)) : periods));
        blocks.add(list(words.get(WordKey.SUMMARY_DECISIONS), decisions(report, slack)));
        List<String> signals = signals(report, slack);
        if (!signals.isEmpty()) {
            blocks.add(list(words.get(WordKey.SUMMARY_SIGNALS), signals));
        }
        blocks.add(list(words.get(WordKey.SUMMARY_TIMELINE), report.timeline().stream()
                .map(entry -> slack.apply(entry.at()) + " " + Names.actor(entry.actor()) + ": "
                        + timelineText.of(entry, ITEM)).toList()));
        String text = title + "\n" + String.join("\n", facts(report, end, plain)) + "\n"
                + String.join("\n", periods(report, end, plain));
        return new SlackMessage(Limits.clip(text, Limits.SECTION_TEXT), blocks);
    }

    private List<String> facts(IncidentReport report, Instant end, Function<Instant, String> time) {
        Incident incident = report.incident();
        List<String> facts = new ArrayList<>();
        facts.add("*" + words.get(WordKey.SUMMARY_TITLE, SlackText.escape(titles.of(incident), Limits.SECTION_TEXT / 2),
                words.get(WordKey.kind(IncidentPicture.kindOf(incident, report.timeline()))),
                words.get(WordKey.state(incident.state()))) + "*");
        facts.add(words.get(WordKey.SUMMARY_DURATION, duration(incident.openedAt(), end)
                + (incident.isOpen() ? " (" + words.get(WordKey.SUMMARY_ONGOING) + ")" : "")));
        facts.add(words.get(WordKey.SUMMARY_DETECT, time.apply(incident.openedAt()), Names.actor(incident.openedBy())));
        detection(words, report.timeline()).ifPresent(facts::add);
        facts.add(words.get(WordKey.SUMMARY_ACKNOWLEDGE, incident.acknowledgedAt()
                .map(at -> duration(incident.openedAt(), at)).orElse(words.get(WordKey.SUMMARY_NOT_YET))));
        facts.add(words.get(WordKey.SUMMARY_MITIGATE, firstMitigation(report)
                .map(at -> duration(incident.openedAt(), at)).orElse(words.get(WordKey.SUMMARY_NOT_YET))));
        facts.add(words.get(WordKey.SUMMARY_RESOLVE, incident.resolvedAt()
                .map(at -> duration(incident.openedAt(), at)).orElse(words.get(WordKey.SUMMARY_NOT_YET))));
        facts.add(words.get(WordKey.SUMMARY_AFFECTED, String.join(", ", incident.affected().stream()
                .map(names::target).toList())));
        Set<String> classes = new LinkedHashSet<>();
        report.routeChanges().forEach(change -> classes.add(names.taskClass(change.taskClass())));
        if (!classes.isEmpty()) {
            facts.add(words.get(WordKey.SUMMARY_TASK_CLASSES, String.join(", ", classes)));
        }
        facts.addAll(brief.ramps(report, time));
        return facts;
    }

    private static LayoutBlock list(String heading, List<String> items) {
        String text = "*" + heading + "*\n" + Limits.lines(items.stream().map(item -> "• " + item).toList(),
                Limits.SECTION_TEXT - heading.length() - 10);
        return section(s -> s.text(markdownText(text)));
    }

    /** Each time a task class was off its primary: on which state, for how long. */
    private List<String> periods(IncidentReport report, Instant end, Function<Instant, String> time) {
        return RouteStretch.of(report.routeChanges(), end).stream()
                .map(stretch -> period(stretch.started(), stretch.until(), time)).toList();
    }

    private String period(RouteChange started, Instant until, Function<Instant, String> time) {
        String taskClass = names.taskClass(started.taskClass());
        String length = duration(started.at(), until);
        String from = time.apply(started.at());
        String to = time.apply(until);
        return switch (started.state()) {
            case FALLBACK -> words.get(WordKey.SUMMARY_PERIOD_FALLBACK, taskClass,
                    names.model(started.serving().orElseThrow()), length, from, to);
            case AWAITING_CONSENT -> words.get(WordKey.SUMMARY_PERIOD_AWAITING, taskClass, length, from, to);
            // A period starts only when the route leaves primary.
            case PRIMARY, STOPPED -> words.get(WordKey.SUMMARY_PERIOD_STOPPED, taskClass, length, from, to);
        };
    }

    private List<String> decisions(IncidentReport report, Function<Instant, String> time) {
        List<String> decisions = new ArrayList<>();
        for (TimelineEntry entry : report.timeline()) {
            if (entry.actor().kind() == Actor.Kind.USER) {
                decisions.add(time.apply(entry.at()) + " " + Names.actor(entry.actor()) + ": "
                        + timelineText.of(entry, ITEM));
            }
        }
        return decisions.isEmpty() ? List.of("—") : decisions;
    }

    private List<String> signals(IncidentReport report, Function<Instant, String> time) {
        return report.timeline().stream()
                .filter(entry -> entry.type() == TimelineEntry.Type.SIGNAL)
                .map(entry -> time.apply(entry.at()) + " `" + SlackText.escape(entry.actor().id()) + "`: "
                        + SlackText.escape(timelineText.plain(entry), ITEM))
                .toList();
    }

    private static Optional<Instant> firstMitigation(IncidentReport report) {
        Optional<Instant> switchedOff = report.timeline().stream()
                .filter(entry -> entry.type() == TimelineEntry.Type.AVAILABILITY_CHANGED)
                .map(TimelineEntry::at).findFirst();
        Optional<Instant> movedOn = report.routeChanges().stream()
                .filter(change -> change.state() == RouteState.FALLBACK).map(RouteChange::at).findFirst();
        return switchedOff.isPresent() && movedOn.isPresent()
                ? Optional.of(switchedOff.get().isBefore(movedOn.get()) ? switchedOff.get() : movedOn.get())
                : switchedOff.or(() -> movedOn);
    }

    private String duration(Instant from, Instant to) {
        return words.duration(Duration.between(from, to));
    }

    /**
     * When we knew compared with when the provider's status page admitted it: our first report is the first
     * entry by our own signals (gateway, Alertmanager) or by a person.
     */
    static Optional<String> detection(Wording words, List<TimelineEntry> timeline) {
        Optional<Instant> ours = timeline.stream().filter(entry -> entry.actor().kind() == Actor.Kind.USER
                        || entry.actor().kind() == Actor.Kind.SIGNAL && !entry.actor().id().startsWith(STATUSPAGE))
                .map(TimelineEntry::at).min(Instant::compareTo);
        Optional<Instant> theirs = timeline.stream().filter(entry -> entry.actor().kind() == Actor.Kind.SIGNAL
                && entry.actor().id().startsWith(STATUSPAGE)).map(TimelineEntry::at).min(Instant::compareTo);
        if (ours.isEmpty() || theirs.isEmpty()) {
            return theirs.isEmpty() && ours.isPresent() ? Optional.of(words.get(WordKey.SUMMARY_DETECTION_SILENT))
                    : Optional.empty();
        }
        Duration lead = Duration.between(ours.get(), theirs.get());
        if (lead.isZero()) {
            return Optional.of(words.get(WordKey.SUMMARY_DETECTION_SAME));
        }
        return Optional.of(words.get(lead.isNegative() ? WordKey.SUMMARY_DETECTION_LAG : WordKey.SUMMARY_DETECTION_LEAD,
                words.duration(lead.abs())));
    }
}
