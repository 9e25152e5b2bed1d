package dev.detour.messages;

import dev.detour.incidents.catalog.ConsentAnswer;
import dev.detour.incidents.routing.RouteReason;
import dev.detour.incidents.SeedCatalog;
import dev.detour.incidents.application.RouteAuditValue;
import dev.detour.incidents.audit.AuditAction;
import dev.detour.incidents.audit.AuditRecord;
import dev.detour.incidents.audit.AuditSubject;
import dev.detour.incidents.audit.StoredAuditRecord;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.EnumWords;
import dev.detour.incidents.catalog.FailoverMode;
import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.Provider;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.catalog.TaskClass;
import dev.detour.incidents.event.DetourEvent.SignalReceived.Suggestion;
import dev.detour.incidents.event.DetourEvent;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.FollowUp;
import dev.detour.incidents.incident.Incident;
import dev.detour.incidents.incident.IncidentChange;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.incident.IncidentKind;
import dev.detour.incidents.incident.IncidentState;
import dev.detour.incidents.incident.Resolution;
import dev.detour.incidents.incident.TextLimits;
import dev.detour.incidents.incident.TimelineDetail;
import dev.detour.incidents.incident.TimelineEntry;
import dev.detour.incidents.incident.UpdateText;
import dev.detour.incidents.jobs.ConsentTimeouts;
import dev.detour.incidents.readmodel.DetourStatus;
import dev.detour.incidents.readmodel.IncidentReport;
import dev.detour.incidents.readmodel.RouteChange;
import dev.detour.incidents.routing.Route;
import dev.detour.incidents.routing.RouteCause;
import dev.detour.incidents.routing.RouteState;
import dev.detour.incidents.signals.Signal;
import dev.detour.incidents.signals.SignalEvidence;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * One incident, told at fixed instants with a given catalog: the seed incident (Claude Opus 4.8 and 4.7 fail,
 * meeting summaries fall back, code migration plans wait for consent, contract review pauses), or the same story
 * with {@link BigCatalog}, long free text and many signals, to push every list and every limit.
 */
final class Scenario {
    static final Instant OPENED = Instant.parse("2026-06-07T07:12:00Z");
    static final Instant DISABLED = Instant.parse("2026-06-07T07:14:00Z");
    static final Instant ACKNOWLEDGED = Instant.parse("2026-06-07T07:15:00Z");
    static final Instant IDENTIFIED = Instant.parse("2026-06-07T07:20:00Z");
    static final Instant UPDATED = Instant.parse("2026-06-07T07:30:00Z");
    static final Instant NOW = Instant.parse("2026-06-07T07:40:00Z");
    static final Instant RECOVERED = Instant.parse("2026-06-07T08:40:00Z");
    static final Instant RESOLVED = Instant.parse("2026-06-07T08:47:00Z");
    static final Actor ALICE = Actor.user("U0ALICE");
    static final Actor BOB = Actor.user("U0BOB");
    /** Every Slack user who acts in a scenario: support posts must name none of them. */
    static final List<Actor> PEOPLE = List.of(ALICE, BOB);

    private final String name;
    private final Catalog catalog;
    private final IncidentId id;
    private final String title;
    private final List<Target> affected;
    private final String reason;
    private final String update;
    private final String summary;
    private final String cause;
    private final String followUp;
    private final List<String> signalSources;
    private final int otherOpenIncidents;
    private final Duration silence;
    private final String signalNote;

    private Scenario(String name, Catalog catalog, IncidentId id, String title, List<Target> affected, String reason,
                     String update, String summary, List<String> signalSources, int otherOpenIncidents,
                     Duration silence, String signalNote) {
        this.name = name;
        this.catalog = catalog;
        this.id = id;
        this.title = title;
        this.affected = affected;
        this.reason = reason;
        this.update = update;
        this.summary = summary;
        // The seed story's own words; the other stories reuse their long or hostile texts.
        this.cause = name.equals("seed") ? "Anthropic ran out of capacity for Claude Opus (provider side, not our change)"
                : summary;
        this.followUp = name.equals("seed") ? "Add a second provider for Contract review" : update;
        this.signalSources = signalSources;
        this.otherOpenIncidents = otherOpenIncidents;
        this.silence = silence;
        this.signalNote = signalNote;
    }

    static Scenario seed() {
        // No title of its own, like the demo's incident that the gateway opens: messages name it from what fails.
        return new Scenario("seed", SeedCatalog.catalog(), new IncidentId(1), "",
                List.of(Target.model(SeedCatalog.OPUS_48), Target.model(SeedCatalog.OPUS_47)),
                "elevated 529s since 07:05",
                "Anthropic confirmed the overload. Meeting summaries use GPT-5 meanwhile; contract review waits.",
                "Anthropic fixed the overload; every feature is back on its usual model.",
                List.of("gateway", "statuspage:anthropic", "alertmanager", "gateway", "alertmanager", "gateway",
                        "alertmanager"), 0, Duration.ofMinutes(31), "");
    }

    /** The longest free text Detour accepts everywhere, with Slack's control characters in it. */
    static Scenario big() {
        Catalog catalog = BigCatalog.catalog();
        List<Target> affected = new ArrayList<>();
        List<Provider> failing = catalog.providers().subList(0, BigCatalog.PROVIDERS - 1);
        failing.forEach(provider -> affected.add(Target.provider(provider.id())));
        failing.forEach(provider -> provider.models().forEach(model -> affected.add(Target.model(model.id()))));
        List<String> sources = IntStream.range(0, 80)
                .mapToObj(i -> "alertmanager:eu-west-1-production-inference-cluster-" + i % 40).toList();
        return new Scenario("big", catalog, new IncidentId(987_654_321_012_345_678L),
                longText("Everything <fails> & nobody knows why. ", TextLimits.TITLE),
                affected, longText("Errors <5xx> & timeouts everywhere. ", TextLimits.TEXT),
                longText("Still <failing> & still looking.\nNext check in ten minutes.\n", TextLimits.TEXT),
                longText("Fixed <at last> & for good.\n", TextLimits.TEXT), sources, 59,
                Duration.ofHours(26).plusMinutes(5), "");
    }

    /**
     * Slack markup that must never be live when it comes from outside: broadcast mentions, a user group, a person,
     * a channel, a link whose label hides its address, and Slack's own encoding of {@code <!channel>} typed as
     * text (which must stay text, never be decoded into a mention).
     */
    static final String HOSTILE = "<!channel> <!here> <!everyone> <!subteam^S0ONCALL|@oncall> <@U0MALLORY>"
            + " <#C0GENERAL> <https://evil.example|click> <mailto:x@evil.example|mail> &lt;!channel&gt; & done";

    /** The seed incident, with {@link #HOSTILE} in every free text: title, reason, update, summary, signals. */
    static Scenario hostile() {
        return new Scenario("hostile", SeedCatalog.catalog(), new IncidentId(3), "Opus fails " + HOSTILE,
                List.of(Target.model(SeedCatalog.OPUS_48), Target.model(SeedCatalog.OPUS_47)),
                "elevated 529s " + HOSTILE, "Still failing. " + HOSTILE + "\nNext update soon.", "Fixed. " + HOSTILE,
                List.of("gateway", "statuspage:anthropic", "alertmanager"), 0, Duration.ofMinutes(31),
                " " + HOSTILE);
    }

    private static String longText(String piece, int length) {
        return piece.repeat(length / piece.length() + 1).substring(0, length).strip();
    }

    String name() {
        return name;
    }

    Catalog catalog() {
        return catalog;
    }

    Names names() {
        return new Names(catalog);
    }

    IncidentId id() {
        return id;
    }

    /** The free text people and signals wrote in this scenario: data, shown as written in every language. */
    List<String> writtenByPeople() {
        List<String> texts = new ArrayList<>(List.of(title, reason, update, customerUpdate(), summary, cause,
                followUp));
        texts.addAll(signalSources);
        return texts;
    }

    /**
     * What on-call wrote for customers in the update: in the seed story its own words, in the others the thread's
     * text as customers read it (long, or with every hostile markup turned into plain words).
     */
    String customerUpdate() {
        return name.equals("seed") ? "Contract review is paused until Claude Opus is back; meeting summaries work as"
                + " usual." : CustomerText.of(update);
    }

    /** The update on-call posts: {@link #update()} for the thread, {@link #customerUpdate()} for customers. */
    UpdateText updateText() {
        return new UpdateText(update, customerUpdate());
    }

    String update() {
        return update;
    }

    // ------------------------------------------------------------------------------------------------ incidents

    Incident opened() {
        return applied(Incident.open(id, IncidentKind.OUTAGE, title, affected, ALICE, OPENED)).incident();
    }

    Incident acknowledged() {
        return applied(opened().acknowledge(BOB, ACKNOWLEDGED)).incident();
    }

    Incident monitoring() {
        return applied(acknowledged().moveTo(IncidentState.MONITORING, BOB, RECOVERED)).incident();
    }

    Incident resolved() {
        return applied(monitoring().resolve(BOB, RESOLVED, resolution())).incident();
    }

    private static IncidentChange.Applied applied(IncidentChange change) {
        if (change instanceof IncidentChange.Applied applied) {
            return applied;
        }
        throw new IllegalStateException(((IncidentChange.Rejected) change).refusal().toString());
    }

    // --------------------------------------------------------------------------------------------------- status

    /** While the incident is open: its targets switched off, every task class that used them moved or paused. */
    DetourStatus during() {
        List<Incident> open = new ArrayList<>(List.of(acknowledged()));
        for (int i = 1; i <= otherOpenIncidents; i++) {
            open.add(applied(Incident.open(new IncidentId(id.number() - i), IncidentKind.values()[i % 5],
                    title, affected.subList(0, 1), ALICE, OPENED)).incident());
        }
        List<DetourStatus.ProviderStatus> providers = catalog.providers().stream()
                .map(p -> new DetourStatus.ProviderStatus(p.id(), p.name(), !isOff(Target.provider(p.id())),
                        isOff(Target.provider(p.id())) ? Optional.of(DISABLED) : Optional.empty()))
                .toList();
        List<DetourStatus.ModelStatus> models = catalog.models().stream()
                .map(m -> new DetourStatus.ModelStatus(m.id(), m.provider(), m.name(), !isOff(Target.model(m.id())),
                        usable(m.id()), isOff(Target.model(m.id())) ? Optional.of(DISABLED) : Optional.empty()))
                .toList();
        List<DetourStatus.TaskClassStatus> taskClasses = catalog.taskClasses().stream()
                .map(t -> new DetourStatus.TaskClassStatus(t.id(), t.name(), t.failover(), t.route(), during(t),
                        Optional.of(DISABLED)))
                .toList();
        return new DetourStatus(NOW, providers, models, taskClasses, open);
    }

    /**
     * Still during the incident, while each of its targets comes back through a ramp at 50% of traffic
     * (docs/recovery.md): the routes stay as they were, since a ramping target counts as off.
     */
    DetourStatus comingBack() {
        DetourStatus during = during();
        return new DetourStatus(during.at(), during.providers(), during.models(), during.taskClasses(),
                during.openIncidents(), affected.stream().map(target -> new dev.detour.incidents.recovery.RampShare(
                target, 50, 2, DISABLED, Optional.of(NOW.plusSeconds(300)))).toList());
    }

    /** Once it is over: everything available again, every task class back on its primary model. */
    DetourStatus after() {
        List<DetourStatus.ProviderStatus> providers = catalog.providers().stream()
                .map(p -> new DetourStatus.ProviderStatus(p.id(), p.name(), true, Optional.of(RECOVERED))).toList();
        List<DetourStatus.ModelStatus> models = catalog.models().stream()
                .map(m -> new DetourStatus.ModelStatus(m.id(), m.provider(), m.name(), true, true,
                        Optional.of(RECOVERED))).toList();
        List<DetourStatus.TaskClassStatus> taskClasses = catalog.taskClasses().stream()
                .map(t -> new DetourStatus.TaskClassStatus(t.id(), t.name(), t.failover(), t.route(), primary(t),
                        Optional.of(RECOVERED))).toList();
        return new DetourStatus(RESOLVED, providers, models, taskClasses, List.of());
    }

    private boolean isOff(Target target) {
        return affected.contains(target);
    }

    private boolean usable(ModelId model) {
        return !isOff(Target.model(model)) && !isOff(Target.provider(catalog.providerOf(model)));
    }

    /** As the route planner decides it: auto moves on, consent asks, stop pauses; no usable model pauses too. */
    private Route during(TaskClass taskClass) {
        if (usable(taskClass.primary())) {
            return primary(taskClass);
        }
        Optional<ModelId> next = taskClass.route().stream().skip(1).filter(this::usable).findFirst();
        if (next.isEmpty()) {
            return new Route(taskClass.id(), RouteState.STOPPED, Optional.empty(), Optional.empty(),
                    RouteCause.NO_MODEL_AVAILABLE);
        }
        return switch (taskClass.failover()) {
            case AUTO -> new Route(taskClass.id(), RouteState.FALLBACK, next, Optional.empty(),
                    RouteCause.AUTO_FAILOVER);
            case CONSENT -> new Route(taskClass.id(), RouteState.AWAITING_CONSENT, Optional.empty(), next,
                    RouteCause.CONSENT_PENDING);
            case STOP -> new Route(taskClass.id(), RouteState.STOPPED, Optional.empty(), Optional.empty(),
                    RouteCause.STOP_POLICY);
        };
    }

    private static Route primary(TaskClass taskClass) {
        return new Route(taskClass.id(), RouteState.PRIMARY, Optional.of(taskClass.primary()), Optional.empty(),
                RouteCause.PRIMARY_AVAILABLE);
    }

    private TaskClass first(FailoverMode mode) {
        return catalog.taskClasses().stream().filter(t -> t.failover() == mode).findFirst().orElseThrow();
    }

    // ------------------------------------------------------------------------------------------------- timeline

    /** Each signal source's reports, a minute apart, in the order they came. */
    List<TimelineEntry> signals() {
        return IntStream.range(0, signalSources.size())
                .mapToObj(i -> new TimelineEntry(OPENED.plusSeconds(60L * i), Actor.signal(signalSources.get(i)),
                        new TimelineDetail.Signalled(signalSources.get(i), true, List.of(affected.get(0)),
                                evidence(new SignalEvidence.GatewayErrors(gateway(0.41, 131, 320, 0, 2559), false)),
                                TimelineDetail.Signalled.Side.PROVIDER)))
                .toList();
    }

    /** The signals, then on-call switching every target off: what the root message reads while it is open. */
    List<TimelineEntry> switchedOff() {
        List<TimelineEntry> timeline = new ArrayList<>(signals());
        affected.forEach(target -> timeline.add(new TimelineEntry(DISABLED, ALICE,
                new TimelineDetail.AvailabilityChanged(target, false, Optional.of(reason)))));
        return timeline;
    }

    /**
     * The affected targets coming back through ramps (docs/recovery.md): the first at 50% after a hold with healthy
     * gateway traffic, a second one, if any, at 50% after a hold that saw no traffic.
     */
    DetourStatus rampingBack() {
        DetourStatus during = during();
        Instant since = RECOVERED.minusSeconds(5 * 60);
        List<dev.detour.incidents.recovery.RampShare> ramps = new ArrayList<>();
        for (int i = 0; i < affected.size() && i < 2; i++) {
            dev.detour.incidents.recovery.RampSample sample = i == 0
                    ? new dev.detour.incidents.recovery.RampSample(240, 1, false, 1_100, List.of(),
                    Duration.ofSeconds(60))
                    : dev.detour.incidents.recovery.RampSample.quiet(Duration.ofSeconds(60));
            ramps.add(new dev.detour.incidents.recovery.RampShare(affected.get(i), 50, 2, since,
                    Optional.of(since.plusSeconds(5 * 60)), Optional.of(new dev.detour.incidents.recovery.HoldEvidence(
                    sample.requests(), sample.errorRate(), false, false, Optional.of(sample)))));
        }
        return new DetourStatus(RECOVERED, during.providers(), during.models(), during.taskClasses(),
                during.openIncidents(), ramps);
    }

    /** The signals firing while everything is still switched on and every task class on its primary model. */
    DetourStatus failing() {
        DetourStatus after = after();
        return new DetourStatus(NOW, after.providers(), after.models(), after.taskClasses(), List.of(acknowledged()));
    }

    /**
     * The report of a recovery through ramps (docs/recovery.md): the first target came back in three steps after a
     * rollback, 25 minutes from its first enable to 100%; a second one, if any, is still coming back.
     */
    IncidentReport rampedReport() {
        IncidentReport report = report();
        List<dev.detour.incidents.readmodel.RampHistory> ramps = new ArrayList<>();
        ramps.add(new dev.detour.incidents.readmodel.RampHistory(affected.get(0), List.of(10, 50, 100),
                RECOVERED.minusSeconds(25 * 60), Optional.of(RECOVERED), 1, false));
        if (affected.size() > 1) {
            ramps.add(new dev.detour.incidents.readmodel.RampHistory(affected.get(1), List.of(25, 100),
                    RECOVERED.minusSeconds(5 * 60), Optional.empty(), 0, false));
        }
        return new IncidentReport(report.incident(), report.timeline(), report.routeChanges(), report.at(),
                report.approvals(), ramps);
    }

    IncidentReport report() {
        List<TimelineEntry> timeline = new ArrayList<>();
        timeline.addAll(applied(Incident.open(id, IncidentKind.OUTAGE, title, affected, ALICE, OPENED)).entries());
        timeline.addAll(signals());
        timeline.add(new TimelineEntry(DISABLED, ALICE, new TimelineDetail.AvailabilityChanged(affected.get(0), false,
                Optional.of(reason))));
        timeline.addAll(applied(opened().acknowledge(BOB, ACKNOWLEDGED)).entries());
        timeline.addAll(applied(acknowledged().postUpdate(updateText(), BOB, UPDATED)).entries());
        timeline.addAll(applied(acknowledged().moveTo(IncidentState.MONITORING, BOB, RECOVERED)).entries());
        timeline.addAll(routeEntries());
        timeline.addAll(applied(monitoring().resolve(BOB, RESOLVED, resolution())).entries());
        timeline.sort(Comparator.comparing(TimelineEntry::at));
        return new IncidentReport(resolved(), timeline, routeChanges(), RESOLVED);
    }

    /** The report as someone joining at {@link #NOW} reads it: the open incident and its timeline so far. */
    IncidentReport reportSoFar() {
        IncidentReport whole = report();
        return new IncidentReport(acknowledged(), whole.timeline().stream().filter(entry -> !entry.at().isAfter(NOW))
                .toList(), whole.routeChanges().stream().filter(change -> !change.at().isAfter(NOW)).toList(), NOW);
    }

    /** What Bob entered in the resolve form: the summary, the cause, one follow-up with owner and date. */
    Resolution resolution() {
        return new Resolution(summary, cause, List.of(new FollowUp(followUp, Optional.of("<@U0BOB>"),
                Optional.of(java.time.LocalDate.parse("2026-06-20")))));
    }

    /**
     * The route changes as the timeline records them: every feature leaving its usual model when the targets went
     * off, the consent question timing out (stays paused by policy), and every feature coming back.
     */
    private List<TimelineEntry> routeEntries() {
        List<TimelineEntry> entries = new ArrayList<>();
        for (TaskClass taskClass : catalog.taskClasses()) {
            Route off = during(taskClass);
            if (off.state() != RouteState.PRIMARY) {
                Actor policy = Actor.policy("failover:" + taskClass.failover().word());
                entries.add(new TimelineEntry(DISABLED, policy, new TimelineDetail.RouteChanged(off)));
                if (off.state() == RouteState.AWAITING_CONSENT) {
                    entries.add(new TimelineEntry(DISABLED.plus(taskClass.consentTimeout()), ConsentTimeouts.POLICY,
                            new TimelineDetail.RouteChanged(new Route(taskClass.id(), RouteState.STOPPED,
                                    Optional.empty(), off.offered(), RouteCause.CONSENT_TIMEOUT_DENIED))));
                }
                entries.add(new TimelineEntry(RECOVERED, policy, new TimelineDetail.RouteChanged(primary(taskClass))));
            }
        }
        return entries;
    }

    /** A task class's route moving from {@code before} to {@code after}, by its failover policy. */
    private record Move(Instant at, TaskClass taskClass, Route before, Route after) {
    }

    /** Each task class leaving its primary model when the targets went off, and coming back when they recovered. */
    private List<Move> moves() {
        List<Move> left = new ArrayList<>();
        List<Move> back = new ArrayList<>();
        for (TaskClass taskClass : catalog.taskClasses()) {
            Route off = during(taskClass);
            if (off.state() != RouteState.PRIMARY) {
                left.add(new Move(DISABLED, taskClass, primary(taskClass), off));
                back.add(new Move(RECOVERED, taskClass, off, primary(taskClass)));
            }
        }
        left.addAll(back);
        return left;
    }

    /** The moves as the report holds them. */
    private List<RouteChange> routeChanges() {
        return moves().stream().map(move -> new RouteChange(move.at(), move.taskClass().id(), move.after().state(),
                move.after().serving())).toList();
    }

    /** The moves as the audit trail records them. */
    private List<AuditRecord> routeRecords() {
        return moves().stream().map(move -> new AuditRecord(move.at(),
                Actor.policy("failover:" + move.taskClass().failover().word()), AuditAction.ROUTE_CHANGED,
                AuditSubject.taskClass(move.taskClass().id()), Optional.of(RouteAuditValue.write(move.before())),
                Optional.of(RouteAuditValue.write(move.after())),
                Optional.of("cause=" + EnumWords.of(move.after().cause()) + " trigger=user:U0ALICE "
                        + new RouteReason.InWords(reason).data()), Optional.of(id))).toList();
    }

    /** Newest first, as {@code /detour audit} lists them. */
    List<StoredAuditRecord> audit() {
        List<AuditRecord> records = new ArrayList<>();
        records.add(new AuditRecord(OPENED, ALICE, AuditAction.incident(TimelineEntry.Type.OPENED),
                AuditSubject.incident(id), Optional.empty(),
                Optional.of("investigating"), Optional.of(title), Optional.of(id)));
        for (Target target : affected) {
            records.add(new AuditRecord(DISABLED, ALICE, AuditAction.AVAILABILITY_CHANGED, AuditSubject.target(target),
                    Optional.of("available"), Optional.of("unavailable"), Optional.of(reason), Optional.of(id)));
        }
        records.addAll(routeRecords());
        records.add(new AuditRecord(RESOLVED, BOB, AuditAction.incident(TimelineEntry.Type.RESOLVED), AuditSubject.incident(id),
                Optional.of("monitoring"), Optional.of("resolved"), Optional.of(summary), Optional.of(id)));
        List<StoredAuditRecord> stored = new ArrayList<>();
        for (int i = records.size() - 1; i >= 0; i--) {
            stored.add(new StoredAuditRecord(i + 1, records.get(i)));
        }
        return stored;
    }

    // --------------------------------------------------------------------------------------------------- events

    DetourEvent stateChanged() {
        IncidentChange.Applied change = applied(acknowledged().moveTo(IncidentState.IDENTIFIED, BOB, IDENTIFIED));
        return new DetourEvent.IncidentChanged(IDENTIFIED, BOB, change.incident(), change.entries());
    }

    /** On-call names the incident: the scenario's reason, cut to a title's length, is the title. */
    DetourEvent titleSet() {
        IncidentChange.Applied change = applied(acknowledged().retitle(TextLimits.clip(reason, TextLimits.TITLE),
                BOB, UPDATED));
        return new DetourEvent.IncidentChanged(UPDATED, BOB, change.incident(), change.entries());
    }

    DetourEvent updated() {
        IncidentChange.Applied change = applied(acknowledged().postUpdate(updateText(), BOB, UPDATED));
        return new DetourEvent.IncidentChanged(UPDATED, BOB, change.incident(), change.entries());
    }

    DetourEvent resolvedEvent() {
        IncidentChange.Applied change = applied(monitoring().resolve(BOB, RESOLVED, summary));
        return new DetourEvent.IncidentChanged(RESOLVED, BOB, change.incident(), change.entries());
    }

    DetourEvent availabilityChanged() {
        Target model = affected.stream().filter(target -> target.kind().equals("model")).findFirst().orElseThrow();
        return new DetourEvent.AvailabilityChanged(DISABLED, ALICE, model, false, Optional.of(reason),
                Optional.of(id));
    }

    DetourEvent routeChanged() {
        TaskClass taskClass = first(FailoverMode.AUTO);
        return new DetourEvent.RouteChanged(DISABLED, Actor.policy("failover:auto"), Optional.of(primary(taskClass)),
                during(taskClass), Optional.of(new RouteReason.InWords(reason)), Optional.of(id));
    }

    DetourEvent consentAsked() {
        TaskClass taskClass = first(FailoverMode.CONSENT);
        return new DetourEvent.RouteChanged(DISABLED, Actor.policy("failover:consent"),
                Optional.of(primary(taskClass)), during(taskClass), Optional.of(new RouteReason.InWords(reason)),
                Optional.of(id));
    }

    /** @param evidence what the signal saw; the hostile scenario's signals bring outside text with its markup */
    DetourEvent signal(boolean firing, Signal.Side side, Suggestion suggestion, SignalEvidence evidence) {
        Signal signal = new Signal("gateway", affected, firing, Signal.Severity.DOWN, side, evidence(evidence),
                OPENED);
        return new DetourEvent.SignalReceived(OPENED, Actor.signal("gateway"), signal, Optional.of(id), suggestion);
    }

    /** Signals the gateway sent together, one per affected target, each suggesting to switch it off. */
    List<DetourEvent> signalBurst(SignalEvidence evidence, Suggestion suggestion) {
        return affected.stream().map(target -> (DetourEvent) new DetourEvent.SignalReceived(OPENED,
                Actor.signal("gateway"), new Signal("gateway", List.of(target), true, Signal.Severity.DOWN,
                        Signal.Side.PROVIDER, evidence(evidence), OPENED), Optional.of(id), suggestion))
                .toList();
    }

    /** The gateway's counts over a 60 s window. */
    static SignalEvidence.GatewayNumbers gateway(double errorRate, long errors, long requests, long rateLimited,
                                                 long p95Ms) {
        return new SignalEvidence.GatewayNumbers(errorRate, errors, requests, Duration.ofSeconds(60), rateLimited,
                p95Ms);
    }

    /** The evidence as is, or for the hostile scenario an alert whose outside text holds its markup. */
    private SignalEvidence evidence(SignalEvidence evidence) {
        return signalNote.isEmpty() ? evidence : new SignalEvidence.Alert("HighErrorRate", "error rate 41%"
                + signalNote);
    }

    /** The first feature the incident pauses, paused since the switch-off, for the managers' heads-up. */
    dev.detour.incidents.readmodel.PausedFeature pausedFeature() {
        DetourStatus.TaskClassStatus paused = during().taskClasses().stream()
                .filter(taskClass -> !taskClass.current().state().serves()).findFirst().orElseThrow();
        return new dev.detour.incidents.readmodel.PausedFeature(paused, DISABLED, Optional.of(acknowledged()));
    }

    /** How long support has heard nothing, for the update nudge. */
    Duration silence() {
        return silence;
    }

    @Override
    public String toString() {
        return name;
    }
}
