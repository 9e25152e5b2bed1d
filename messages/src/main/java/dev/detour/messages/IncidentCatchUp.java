package dev.detour.messages;

import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.incident.IncidentState;
import dev.detour.incidents.incident.TimelineEntry;
import dev.detour.incidents.readmodel.DetourStatus;
import dev.detour.incidents.readmodel.IncidentReport;
import dev.detour.incidents.routing.RouteState;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

/**
 * {@code /detour status INC-n}: five lines for someone joining late — what broke, what is paused, who leads, the
 * last decision, what happens next. Ids and actor tags are welcome here: the reader may type them next.
 */
public final class IncidentCatchUp {
    /** Room for one name list or free text in a line. */
    private static final int ITEM = 500;

    private final Names names;
    private final Wording words;
    private final IncidentTitle titles;
    private final BriefSummary brief;

    public IncidentCatchUp(Names names, Wording words) {
        this.names = names;
        this.words = words;
        this.titles = new IncidentTitle(names, words);
        this.brief = new BriefSummary(names, words);
    }

    /**
     * @param status       what is routed where now
     * @param nextUpdateBy when support was promised its next post, if it was
     */
    public SlackMessage render(IncidentReport report, DetourStatus status, Optional<Instant> nextUpdateBy) {
        Instant now = report.at();
        String blocks = String.join("\n", lines(report, status, nextUpdateBy, at -> SlackTime.slack(at, now)));
        String text = String.join("\n", lines(report, status, nextUpdateBy, at -> SlackTime.plain(at, now)));
        return new SlackMessage(Limits.clip(text, Limits.SECTION_TEXT),
                List.of(section(s -> s.text(markdownText(Limits.clip(blocks, Limits.SECTION_TEXT))))));
    }

    private List<String> lines(IncidentReport report, DetourStatus status, Optional<Instant> nextUpdateBy,
                               Function<Instant, String> time) {
        Incident incident = report.incident();
        Instant now = report.at();
        List<DetourStatus.TaskClassStatus> touched = status.taskClasses().stream()
                .filter(taskClass -> taskClass.route().stream()
                        .anyMatch(model -> incident.covers(Target.model(model), names.catalog())))
                .toList();
        return List.of(broke(incident, now, time), paused(touched), lead(report, time),
                decision(report, time), next(incident, touched, nextUpdateBy, now, time));
    }

    private String broke(Incident incident, Instant now, Function<Instant, String> time) {
        return words.get(WordKey.CATCHUP_BROKE, incident.id().toString(), words.get(WordKey.kind(incident.kind())),
                words.get(WordKey.state(incident.state())), SlackText.escape(titles.of(incident), ITEM),
                time.apply(incident.openedAt()),
                words.duration(Duration.between(incident.openedAt(), incident.resolvedAt().orElse(now))));
    }

    private String paused(List<DetourStatus.TaskClassStatus> touched) {
        List<String> paused = touched.stream().filter(taskClass -> !taskClass.current().state().serves())
                .map(taskClass -> taskClass.current().state() == RouteState.AWAITING_CONSENT
                        && taskClass.current().offered().isPresent()
                        ? words.get(WordKey.CATCHUP_ASKED, taskClass.name(),
                        names.model(taskClass.current().offered().get()))
                        : taskClass.name())
                .toList();
        List<String> moved = touched.stream().filter(taskClass -> taskClass.current().state() == RouteState.FALLBACK)
                .map(taskClass -> words.get(WordKey.CATCHUP_MOVED_ITEM, taskClass.name(),
                        taskClass.current().serving().map(names::model).orElse("?")))
                .toList();
        String line = paused.isEmpty() ? words.get(WordKey.CATCHUP_PAUSED_NONE)
                : words.get(WordKey.CATCHUP_PAUSED, Limits.joined(paused, ", ", ITEM));
        return moved.isEmpty() ? line : line + " " + words.get(WordKey.CATCHUP_MOVED, Limits.joined(moved, ", ", ITEM));
    }

    private String lead(IncidentReport report, Function<Instant, String> time) {
        Incident incident = report.incident();
        String lead = incident.acknowledgedBy().map(by -> words.get(WordKey.CATCHUP_LEAD, Names.actor(by)))
                .orElseGet(() -> words.get(WordKey.CATCHUP_LEAD_NONE));
        Optional<TimelineEntry> last = report.timeline().stream()
                .filter(entry -> entry.actor().kind() == Actor.Kind.USER).reduce((first, second) -> second);
        return last.map(entry -> lead + " · " + words.get(WordKey.CATCHUP_LAST_ACTED, Names.actor(entry.actor()),
                time.apply(entry.at()))).orElse(lead);
    }

    private String decision(IncidentReport report, Function<Instant, String> time) {
        Optional<String> last = Optional.empty();
        for (TimelineEntry entry : report.timeline()) {
            Optional<String> decided = brief.decision(entry);
            if (decided.isPresent()) {
                last = Optional.of(words.get(WordKey.CATCHUP_DECISION, time.apply(entry.at()), decided.get()));
            }
        }
        return last.orElseGet(() -> words.get(WordKey.CATCHUP_DECISION_NONE));
    }

    private String next(Incident incident, List<DetourStatus.TaskClassStatus> touched,
                        Optional<Instant> nextUpdateBy, Instant now, Function<Instant, String> time) {
        String id = incident.id().toString();
        if (!incident.isOpen()) {
            return words.get(WordKey.CATCHUP_NEXT, words.get(WordKey.CATCHUP_NEXT_RESOLVED,
                    time.apply(incident.resolvedAt().orElse(now))));
        }
        List<String> next = new ArrayList<>();
        touched.stream().filter(taskClass -> taskClass.current().state() == RouteState.AWAITING_CONSENT
                        && taskClass.current().offered().isPresent())
                .forEach(taskClass -> next.add(words.get(WordKey.CATCHUP_NEXT_QUESTION, taskClass.name(),
                        names.model(taskClass.current().offered().get()), taskClass.id().value())));
        nextUpdateBy.ifPresent(due -> next.add(due.isAfter(now)
                ? words.get(WordKey.CATCHUP_NEXT_UPDATE, time.apply(due))
                : words.get(WordKey.CATCHUP_NEXT_UPDATE_LATE, time.apply(due), id)));
        boolean allBack = touched.stream().allMatch(taskClass -> taskClass.current().state() == RouteState.PRIMARY);
        if (incident.state() == IncidentState.MONITORING) {
            next.add(words.get(WordKey.CATCHUP_NEXT_RESOLVE, id));
        } else if (allBack && !touched.isEmpty()) {
            next.add(words.get(WordKey.CATCHUP_NEXT_MONITORING, id));
        }
        if (next.isEmpty()) {
            next.add(words.get(WordKey.CATCHUP_NEXT_NOTHING));
        }
        return words.get(WordKey.CATCHUP_NEXT, Limits.joined(next, "; ", Limits.SECTION_TEXT / 3));
    }
}
