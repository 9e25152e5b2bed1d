package dev.detour.messages;

import com.slack.api.model.block.LayoutBlock;
import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.catalog.TaskClassId;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.FollowUp;
import dev.detour.incidents.approval.Approval;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.incident.TimelineDetail;
import dev.detour.incidents.incident.TimelineEntry;
import dev.detour.incidents.readmodel.IncidentPicture;
import dev.detour.incidents.readmodel.IncidentReport;
import dev.detour.incidents.readmodel.RampHistory;
import dev.detour.incidents.readmodel.RouteChange;
import dev.detour.incidents.readmodel.RouteStretch;
import dev.detour.incidents.routing.Route;
import dev.detour.incidents.routing.RouteState;
import dev.detour.incidents.signals.Signal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

/**
 * The manager summary that reads in two minutes (docs/slack.md, "Manager summary"): users affected next to the
 * time open, one line per feature, how it was found, who decided what, the cause and what happens next.
 */
final class BriefSummary {
    /** Decisions shown; the rest are in the full summary. */
    static final int DECISIONS = 5;
    /** Room for one free text (a cause, a follow-up) in a line. */
    private static final int TEXT = 600;

    private final Names names;
    private final Wording words;
    private final IncidentTitle titles;

    BriefSummary(Names names, Wording words) {
        this.names = names;
        this.words = words;
        this.titles = new IncidentTitle(names, words);
    }

    private String bigChange(Approval approval) {
        String what = String.join(", ", approval.targets().stream().map(names::target).toList());
        String asked = Names.actor(approval.requestedBy());
        if (approval.kind() == Approval.Kind.REQUEST) {
            return words.get(WordKey.BRIEF_BIG_CHANGE_APPROVED, what, asked,
                    approval.settledBy().map(Names::actor).orElse(""),
                    words.duration(approval.took().orElse(java.time.Duration.ZERO)));
        }
        return approval.state() == Approval.State.REVIEWED
                ? words.get(WordKey.BRIEF_BIG_CHANGE_REVIEWED, what, asked,
                approval.settledBy().map(Names::actor).orElse(""))
                : words.get(WordKey.BRIEF_BIG_CHANGE_UNREVIEWED, what, asked);
    }

    SlackMessage render(IncidentReport report) {
        Incident incident = report.incident();
        Instant now = report.at();
        Instant end = incident.resolvedAt().orElse(now);
        String ongoing = incident.isOpen() ? " (" + words.get(WordKey.SUMMARY_ONGOING) + ")" : "";
        List<String> lines = new ArrayList<>();
        lines.add("*" + words.get(WordKey.SUMMARY_TITLE, SlackText.escape(titles.of(incident), Limits.SECTION_TEXT / 4),
                words.get(WordKey.kind(IncidentPicture.kindOf(incident, report.timeline()))),
                words.get(WordKey.state(incident.state()))) + "*");
        Map<TaskClassId, List<Period>> features = periods(report, end);
        Optional<Instant> firstOff = features.values().stream().flatMap(List::stream).map(Period::from)
                .min(Comparator.naturalOrder());
        Optional<Instant> lastBack = features.values().stream().flatMap(List::stream).map(Period::to)
                .max(Comparator.naturalOrder());
        String open = duration(incident.openedAt(), end);
        Function<Function<Instant, String>, String> affected = time -> firstOff.isEmpty()
                ? words.get(WordKey.BRIEF_UNAFFECTED, open, ongoing)
                : words.get(WordKey.BRIEF_AFFECTED, duration(firstOff.get(), lastBack.orElse(end)),
                        time.apply(firstOff.get()), time.apply(lastBack.orElse(end)), open, ongoing);
        lines.add(affected.apply(at -> SlackTime.slack(at, now)));
        features.forEach((taskClass, periods) -> lines.add("• " + words.get(WordKey.BRIEF_FEATURE,
                names.taskClass(taskClass), String.join(", ", periods.stream().map(this::period).toList()))));
        ramps(report, at -> SlackTime.slack(at, now)).forEach(line -> lines.add("• " + line));
        lines.add(found(report, now) + " " + firstAction(report, incident));
        lines.add("*" + words.get(WordKey.BRIEF_DECISIONS) + "*");
        List<String> decisions = decisions(report, now);
        if (decisions.isEmpty()) {
            lines.add("• " + words.get(WordKey.BRIEF_DECISION_NONE));
        } else if (decisions.size() > DECISIONS) {
            decisions.subList(0, DECISIONS - 1).forEach(line -> lines.add("• " + line));
            lines.add("• " + words.get(WordKey.BRIEF_DECISIONS_MORE, String.valueOf(decisions.size() - DECISIONS + 1)));
        } else {
            decisions.forEach(line -> lines.add("• " + line));
        }
        // One line per big change (docs/routing.md, "Two-person rule"): who asked, who approved or reviewed, how long.
        report.bigChanges().forEach(approval -> lines.add("• " + bigChange(approval)));
        Optional<TimelineDetail.Resolved> resolution = report.timeline().stream()
                .map(TimelineEntry::detail).filter(TimelineDetail.Resolved.class::isInstance)
                .map(TimelineDetail.Resolved.class::cast).reduce((first, second) -> second)
                .filter(resolved -> !incident.isOpen());
        lines.add(cause(resolution));
        lines.add(next(incident, resolution));
        lines.add(words.get(WordKey.BRIEF_FULL, incident.id().toString()));

        String title = words.get(WordKey.SUMMARY_HEADER, incident.id());
        List<LayoutBlock> blocks = List.of(header(h -> h.text(plainText(Limits.clip(title, Limits.HEADER_TEXT)))),
                section(s -> s.text(markdownText(Limits.clip(String.join("\n", lines), Limits.SECTION_TEXT)))));
        String text = title + "\n" + lines.get(0) + "\n" + affected.apply(at -> SlackTime.plain(at, now));
        return new SlackMessage(Limits.clip(text, Limits.SECTION_TEXT), blocks);
    }

    // ------------------------------------------------------------------------------------------------ features

    /** One stretch of a feature away from its usual model: on a fallback ({@code model} present) or paused. */
    record Period(Optional<ModelId> model, Instant from, Instant to) {
        /**
         * Adds this stretch to a feature's list, joined to the last one when it only continues it (paused while a
         * question was open, then paused by its answer), so a reader sees one "paused for 2h 15m".
         */
        void appendTo(List<Period> periods) {
            if (!periods.isEmpty()) {
                Period last = periods.get(periods.size() - 1);
                if (last.model().equals(model) && last.to().equals(from)) {
                    periods.set(periods.size() - 1, new Period(model, last.from(), to));
                    return;
                }
            }
            periods.add(this);
        }
    }

    /** Each feature's stretches off its usual model, from the report's route changes, in order. */
    private static Map<TaskClassId, List<Period>> periods(IncidentReport report, Instant end) {
        // Features in the order they first left their usual model.
        Map<TaskClassId, List<Period>> periods = new LinkedHashMap<>();
        report.routeChanges().stream().filter(change -> change.state() != RouteState.PRIMARY)
                .forEach(change -> periods.computeIfAbsent(change.taskClass(), key -> new ArrayList<>()));
        for (RouteStretch stretch : RouteStretch.of(report.routeChanges(), end)) {
            RouteChange started = stretch.started();
            // On the fallback model serving it, or paused (waiting for an answer or stopped).
            new Period(started.serving(), started.at(), stretch.until()).appendTo(periods.get(started.taskClass()));
        }
        periods.values().removeIf(List::isEmpty);
        return periods;
    }

    /**
     * One line per target that came back through a ramp (docs/recovery.md): its steps, rollbacks, and how long it
     * took from the first enable to 100%; or since when it is coming back, or that it was kept off. Targets whose
     * ramps went alike (same steps, outcome, times and rollbacks) share a line.
     */
    List<String> ramps(IncidentReport report, Function<Instant, String> time) {
        Map<RampOutcome, List<String>> alike = new LinkedHashMap<>();
        for (RampHistory ramp : report.ramps()) {
            alike.computeIfAbsent(RampOutcome.of(ramp), key -> new ArrayList<>()).add(names.target(ramp.target()));
        }
        List<String> lines = new ArrayList<>();
        alike.forEach((ramp, targets) -> {
            String name = String.join(", ", targets);
            String steps = String.join(" \u2192 ", ramp.steps().stream().map(step -> step + "%").toList());
            String rollbacks = String.valueOf(ramp.rollbacks());
            lines.add(ramp.took().map(took -> words.get(WordKey.BRIEF_RAMP_DONE, name, steps, words.duration(took),
                    rollbacks)).orElseGet(() -> ramp.aborted()
                    ? words.get(WordKey.BRIEF_RAMP_ABORTED, name, steps, rollbacks)
                    : words.get(WordKey.BRIEF_RAMP_RUNNING, name, steps, time.apply(ramp.firstEnabled()), rollbacks)));
        });
        return lines;
    }

    /** What a manager reads of one ramp, its target aside. */
    private record RampOutcome(List<Integer> steps, Optional<Duration> took, boolean aborted, Instant firstEnabled,
                               int rollbacks) {
        static RampOutcome of(RampHistory ramp) {
            return new RampOutcome(ramp.steps(), ramp.took(), ramp.aborted(), ramp.firstEnabled(), ramp.rollbacks());
        }
    }

    private String period(Period period) {
        String length = duration(period.from(), period.to());
        return period.model().map(model -> words.get(WordKey.BRIEF_ON_FALLBACK, names.model(model), length))
                .orElseGet(() -> words.get(WordKey.BRIEF_PAUSED, length));
    }

    // ------------------------------------------------------------------------------------------ found, first action

    /** Who told us first (a signal at or before the opening, else the person who declared it), and the lead. */
    private String found(IncidentReport report, Instant now) {
        Incident incident = report.incident();
        Optional<TimelineEntry> firstSignal = report.timeline().stream()
                .filter(entry -> entry.detail() instanceof TimelineDetail.Signalled
                        || entry.detail() instanceof TimelineDetail.StatusPageIncident)
                .filter(entry -> !entry.at().isAfter(incident.openedAt().plusSeconds(59)))
                .min(Comparator.comparing(TimelineEntry::at));
        String by = firstSignal.map(this::source).orElseGet(() -> Names.actor(incident.openedBy()));
        Instant at = firstSignal.map(TimelineEntry::at).orElse(incident.openedAt());
        String lead = lead(report.timeline());
        return words.get(WordKey.BRIEF_FOUND, by, SlackTime.slack(at, now), lead);
    }

    private String source(TimelineEntry entry) {
        String source = entry.detail() instanceof TimelineDetail.Signalled signal ? signal.source()
                : Signal.STATUSPAGE_PREFIX;
        if (source.startsWith(Signal.STATUSPAGE_PREFIX)) {
            return words.get(WordKey.BRIEF_FOUND_PROVIDER_PAGE);
        }
        if (source.startsWith("alertmanager")) {
            return words.get(WordKey.BRIEF_FOUND_ALERTMANAGER);
        }
        if (source.startsWith("gateway")) {
            return words.get(WordKey.BRIEF_FOUND_GATEWAY);
        }
        return "`" + SlackText.escape(source, 80) + "`";
    }

    /** Our first report against the provider's page: {@code , 1m before the provider's page}, or nothing. */
    private String lead(List<TimelineEntry> timeline) {
        Optional<Instant> ours = timeline.stream().filter(entry -> entry.actor().kind() == Actor.Kind.USER
                        || entry.detail() instanceof TimelineDetail.Signalled signal
                        && !signal.source().startsWith(Signal.STATUSPAGE_PREFIX))
                .map(TimelineEntry::at).min(Instant::compareTo);
        Optional<Instant> theirs = timeline.stream().filter(entry -> entry.detail() instanceof TimelineDetail.StatusPageIncident
                        || entry.detail() instanceof TimelineDetail.Signalled signal
                        && signal.source().startsWith(Signal.STATUSPAGE_PREFIX))
                .map(TimelineEntry::at).min(Instant::compareTo);
        if (ours.isEmpty() || theirs.isEmpty()) {
            return "";
        }
        Duration lead = Duration.between(ours.get(), theirs.get());
        if (lead.isZero()) {
            return words.get(WordKey.BRIEF_LEAD_SAME);
        }
        return words.get(lead.isNegative() ? WordKey.BRIEF_LAG : WordKey.BRIEF_LEAD, words.duration(lead.abs()));
    }

    /** The first model switched off or the first feature moved or paused, counted from the opening. */
    private String firstAction(IncidentReport report, Incident incident) {
        Optional<Instant> switchedOff = report.timeline().stream()
                .filter(entry -> entry.type() == TimelineEntry.Type.AVAILABILITY_CHANGED)
                .map(TimelineEntry::at).findFirst();
        Optional<Instant> moved = report.routeChanges().stream()
                .filter(change -> change.state() != RouteState.PRIMARY).map(RouteChange::at).findFirst();
        Optional<Instant> first = switchedOff.isPresent() && moved.isPresent()
                ? Optional.of(switchedOff.get().isBefore(moved.get()) ? switchedOff.get() : moved.get())
                : switchedOff.or(() -> moved);
        return first.map(at -> words.get(WordKey.BRIEF_FIRST_ACTION, duration(incident.openedAt(), at)))
                .orElseGet(() -> words.get(WordKey.BRIEF_NO_ACTION));
    }

    // ------------------------------------------------------------------------------------------------ decisions

    /** People's decisions and the defaults policy took for them (a consent question nobody answered). */
    private List<String> decisions(IncidentReport report, Instant now) {
        List<String> decisions = new ArrayList<>();
        List<TimelineEntry> timeline = report.timeline();
        Set<TimelineEntry> told = new HashSet<>();
        for (int i = 0; i < timeline.size(); i++) {
            TimelineEntry entry = timeline.get(i);
            if (told.contains(entry)) {
                continue;
            }
            String at = SlackTime.slack(entry.at(), now) + " ";
            if (switchedByPerson(entry)) {
                // What one person switched the same way at one moment is one decision, with the scope it chose.
                TimelineDetail.AvailabilityChanged first = (TimelineDetail.AvailabilityChanged) entry.detail();
                List<Target> targets = new ArrayList<>();
                int next = i;
                while (next < timeline.size() && sameSwitch(entry, timeline.get(next))) {
                    targets.add(((TimelineDetail.AvailabilityChanged) timeline.get(next).detail()).target());
                    next++;
                }
                Optional<TimelineEntry> scope = first.available() ? Optional.empty()
                        : scopeOf(timeline.subList(next, timeline.size()), entry, targets);
                scope.ifPresent(told::add);
                decisions.add(at + words.get(first.available() ? WordKey.BRIEF_DECISION_ON : WordKey.BRIEF_DECISION_OFF,
                        Names.actor(entry.actor()), targets(targets)) + scope.map(found -> scope(
                        (TimelineDetail.ScopeChosen) found.detail(), true)).orElse(""));
                i = next - 1;
            } else if (entry.detail() instanceof TimelineDetail.ScopeChosen chosen) {
                decisions.add(at + scope(chosen, false));
            } else {
                decision(entry).ifPresent(text -> decisions.add(at + text));
            }
        }
        return decisions;
    }

    private static boolean switchedByPerson(TimelineEntry entry) {
        return entry.actor().kind() == Actor.Kind.USER && entry.detail() instanceof TimelineDetail.AvailabilityChanged;
    }

    private static boolean sameSwitch(TimelineEntry first, TimelineEntry other) {
        return switchedByPerson(other) && other.actor().equals(first.actor()) && other.at().equals(first.at())
                && ((TimelineDetail.AvailabilityChanged) other.detail()).available()
                == ((TimelineDetail.AvailabilityChanged) first.detail()).available();
    }

    /** The scope chosen with a switch-off: recorded by the same person at the same moment, for the same targets. */
    private static Optional<TimelineEntry> scopeOf(List<TimelineEntry> after, TimelineEntry switchOff,
                                                   List<Target> targets) {
        return after.stream().takeWhile(entry -> entry.at().equals(switchOff.at()))
                .filter(entry -> entry.actor().equals(switchOff.actor()))
                .filter(entry -> entry.detail() instanceof TimelineDetail.ScopeChosen chosen
                        && Set.copyOf(chosen.chosen()).equals(Set.copyOf(targets)))
                .findFirst();
    }

    /**
     * Which scope a whole-provider switch-off that asked to confirm first ended with (docs/routing.md, "Confirm
     * first"): after the line of the switch-off it belongs to ({@code afterItsSwitchOff}), or as a line of its own.
     */
    private String scope(TimelineDetail.ScopeChosen scope, boolean afterItsSwitchOff) {
        String proposed = targets(scope.proposed());
        String said = scope.narrowerChosen() ? words.get(WordKey.BRIEF_SCOPE_NARROWER, proposed)
                : scope.narrower().isEmpty() ? words.get(WordKey.BRIEF_SCOPE_ONLY)
                : words.get(WordKey.BRIEF_SCOPE_WIDER, targets(scope.narrower()));
        return afterItsSwitchOff ? " — " + said : words.get(WordKey.BRIEF_SCOPE, targets(scope.chosen()), said);
    }

    private String targets(List<Target> targets) {
        return SlackText.escape(String.join(", ", targets.stream().map(names::target).toList()),
                Limits.SECTION_TEXT / 4);
    }

    /** A decision in words, for the summary and the catch-up; empty for an entry that decided nothing. */
    Optional<String> decision(TimelineEntry entry) {
        boolean person = entry.actor().kind() == Actor.Kind.USER;
        String who = Names.actor(entry.actor());
        TimelineDetail detail = entry.detail();
        if (person && detail instanceof TimelineDetail.AvailabilityChanged changed) {
            return Optional.of(words.get(changed.available() ? WordKey.BRIEF_DECISION_ON : WordKey.BRIEF_DECISION_OFF,
                    who, names.target(changed.target())));
        }
        if (detail instanceof TimelineDetail.RouteChanged changed) {
            Route route = changed.route();
            String feature = names.taskClass(route.taskClass());
            String model = route.serving().or(route::offered).map(names::model).orElse("?");
            if (route.cause().consentTimedOut()) {
                return Optional.of(words.get(route.state() == RouteState.FALLBACK ? WordKey.BRIEF_DECISION_DEFAULT_MOVED
                        : WordKey.BRIEF_DECISION_DEFAULT_PAUSED, feature, model));
            }
            if (person) {
                return Optional.of(switch (route.state()) {
                    case PRIMARY -> words.get(WordKey.BRIEF_DECISION_BACK, who, feature);
                    case FALLBACK -> words.get(WordKey.BRIEF_DECISION_MOVED, who, feature, model);
                    case AWAITING_CONSENT, STOPPED -> words.get(WordKey.BRIEF_DECISION_PAUSED, who, feature);
                });
            }
        }
        if (person && detail instanceof TimelineDetail.Resolved) {
            return Optional.of(words.get(WordKey.BRIEF_DECISION_RESOLVED, who));
        }
        return Optional.empty();
    }

    // -------------------------------------------------------------------------------------------- cause, next

    private String cause(Optional<TimelineDetail.Resolved> resolution) {
        Optional<String> cause = resolution.map(TimelineDetail.Resolved::cause).filter(text -> !text.isEmpty());
        if (cause.isPresent()) {
            return words.get(WordKey.BRIEF_CAUSE, SlackText.escape(cause.get(), TEXT));
        }
        return resolution.map(TimelineDetail.Resolved::summary).filter(text -> !text.isEmpty())
                .map(summary -> words.get(WordKey.BRIEF_RESOLUTION, SlackText.escape(summary, TEXT)))
                .orElseGet(() -> words.get(WordKey.BRIEF_CAUSE_MISSING));
    }

    private String next(Incident incident, Optional<TimelineDetail.Resolved> resolution) {
        if (incident.isOpen()) {
            return words.get(WordKey.BRIEF_NEXT_OPEN, words.get(WordKey.state(incident.state())));
        }
        List<FollowUp> followUps = resolution.map(TimelineDetail.Resolved::followUps).orElse(List.of());
        if (followUps.isEmpty()) {
            return words.get(WordKey.BRIEF_NEXT_NONE);
        }
        return words.get(WordKey.BRIEF_NEXT, Limits.joined(followUps.stream().map(this::followUp).toList(), "; ",
                Limits.SECTION_TEXT / 3));
    }

    private String followUp(FollowUp followUp) {
        String what = SlackText.escape(followUp.what(), TEXT / 2);
        Optional<String> owner = followUp.owner().map(text -> SlackText.escapeKeepingPersonMentions(text, 80));
        Optional<String> due = followUp.due().map(Object::toString);
        if (owner.isPresent() && due.isPresent()) {
            return words.get(WordKey.BRIEF_FOLLOW_UP_OWNER_DUE, what, owner.get(), due.get());
        }
        return owner.map(who -> words.get(WordKey.BRIEF_FOLLOW_UP_OWNER, what, who))
                .or(() -> due.map(date -> words.get(WordKey.BRIEF_FOLLOW_UP_DUE, what, date)))
                .orElse(what);
    }

    private String duration(Instant from, Instant to) {
        return words.duration(Duration.between(from, to));
    }
}
