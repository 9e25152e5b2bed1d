package dev.detour.commands;

import dev.detour.incidents.audit.AuditQuery;
import dev.detour.incidents.catalog.ConsentAnswer;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.catalog.TaskClassId;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.incident.IncidentKind;
import dev.detour.incidents.incident.IncidentState;
import dev.detour.incidents.incident.Resolution;
import dev.detour.incidents.incident.UpdateText;
import dev.detour.incidents.maintenance.MaintenanceId;
import dev.detour.incidents.maintenance.MaintenanceTime;
import dev.detour.incidents.preview.ProposedChange;
import dev.detour.incidents.recovery.RampCommand;
import dev.detour.incidents.routing.RouteOverride;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a person asks Detour for, by {@code /detour} command, button or form, already checked against the catalog.
 * Buttons and forms build these records directly; {@link CommandHandler#execute} carries out every one of them.
 */
public sealed interface DetourCommand {

    /** The verb it is typed with; empty for a button that has no command of its own, or for text that is none. */
    Optional<Verb> verb();

    /** The one property permission depends on: changing production is for on-call only (docs/slack.md). */
    default boolean changesProduction() {
        return verb().map(Verb::changesProduction).orElse(false);
    }

    private static <T> List<T> atLeastOne(List<T> targets, String verb) {
        if (targets.isEmpty()) {
            throw new IllegalArgumentException(verb + " needs a target");
        }
        return List.copyOf(targets);
    }

    record Help() implements DetourCommand {
        public Optional<Verb> verb() {
            return Optional.of(Verb.HELP);
        }
    }

    /** @param incident with one, a five-line catch-up on it; without, what is switched off and routed now */
    record Status(Optional<IncidentId> incident) implements DetourCommand {
        public Status {
            incident = incident == null ? Optional.empty() : incident;
        }

        public Status() {
            this(Optional.empty());
        }

        public Optional<Verb> verb() {
            return Optional.of(Verb.STATUS);
        }
    }

    /**
     * No targets: open the declare form instead (also the "Declare AI incident" shortcut).
     *
     * @param reason the title; without one, the targets and the kind make it
     */
    record Declare(List<Target> targets, Optional<String> reason, IncidentKind kind) implements DetourCommand {
        public Declare {
            targets = List.copyOf(targets);
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(kind, "kind");
        }

        /** As typed: {@code /detour declare} always declares an outage; the form offers other kinds. */
        public Declare(List<Target> targets, Optional<String> reason) {
            this(targets, reason, IncidentKind.OUTAGE);
        }

        public static Declare form() {
            return new Declare(List.of(), Optional.empty());
        }

        public boolean opensForm() {
            return targets.isEmpty();
        }

        public Optional<Verb> verb() {
            return Optional.of(Verb.DECLARE);
        }
    }

    record Disable(List<Target> targets, Optional<String> reason) implements DetourCommand {
        public Disable {
            targets = atLeastOne(targets, "disable");
        }

        public Optional<Verb> verb() {
            return Optional.of(Verb.DISABLE);
        }
    }

    /** @param atOnce {@code --at-once}: switch staged targets on at once instead of through a ramp */
    record Enable(List<Target> targets, Optional<String> reason, boolean atOnce) implements DetourCommand {
        public Enable {
            targets = atLeastOne(targets, "enable");
        }

        public Enable(List<Target> targets, Optional<String> reason) {
            this(targets, reason, false);
        }

        public Optional<Verb> verb() {
            return Optional.of(Verb.ENABLE);
        }
    }

    /**
     * {@code /detour ramp <target> <command>}, or a ramp's button (docs/recovery.md); {@code status} only reads.
     */
    record Ramp(Target target, RampCommand command, Optional<String> reason) implements DetourCommand {
        public Ramp {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(command, "command");
            Objects.requireNonNull(reason, "reason");
        }

        public Optional<Verb> verb() {
            return Optional.of(Verb.RAMP);
        }

        @Override
        public boolean changesProduction() {
            return command.changes();
        }
    }

    /** @param override empty releases the override ({@code auto}) */
    record Route(TaskClassId taskClass, Optional<RouteOverride> override) implements DetourCommand {
        public Optional<Verb> verb() {
            return Optional.of(Verb.ROUTE);
        }
    }

    /**
     * {@code --dry-run} after {@code disable}, {@code enable} or {@code route}: the preview of the change, nothing
     * changed. Reading only, so anyone may ask for one.
     */
    record DryRun(ProposedChange change) implements DetourCommand {
        public DryRun {
            Objects.requireNonNull(change, "change");
        }

        public Optional<Verb> verb() {
            if (change instanceof ProposedChange.Disable) {
                return Optional.of(Verb.DISABLE);
            } else if (change instanceof ProposedChange.Enable) {
                return Optional.of(Verb.ENABLE);
            }
            return Optional.of(change instanceof ProposedChange.Reroute ? Verb.ROUTE : Verb.CONSENT);
        }

        @Override
        public boolean changesProduction() {
            return false;
        }
    }

    /**
     * Confirm pressed on a switch-off that asked first: disable {@code targets} while the state still has the
     * {@code version} they were previewed at; otherwise show the preview as it stands now.
     *
     * @param scope for a whole-provider switch-off: which scope is chosen and whether a narrower one was offered,
     *              for the incident's timeline and the manager summary
     */
    record Confirm(List<Target> targets, String version, Optional<String> reason,
                   Optional<dev.detour.incidents.incident.TimelineDetail.ScopeChosen> scope) implements DetourCommand {
        public Confirm {
            targets = atLeastOne(targets, "confirm");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(scope, "scope");
        }

        /** A confirmation that says nothing of the scopes offered. */
        public Confirm(List<Target> targets, String version, Optional<String> reason) {
            this(targets, version, reason, Optional.empty());
        }

        public Optional<Verb> verb() {
            return Optional.of(Verb.DISABLE);
        }
    }

    /**
     * {@code /detour disable <targets> --now}: switched off at once on the person's own responsibility, without a
     * second approval; marked as an emergency apply and reviewed afterwards (docs/routing.md, "Two-person rule").
     */
    record DisableNow(List<Target> targets, Optional<String> reason) implements DetourCommand {
        public DisableNow {
            targets = atLeastOne(targets, "disable");
            Objects.requireNonNull(reason, "reason");
        }

        public Optional<Verb> verb() {
            return Optional.of(Verb.DISABLE);
        }
    }

    /**
     * Approve pressed on a request in the thread. Anyone may press it; whether it counts (on call, not the person
     * who asked, in time, state unmoved) is decided and audited by the two-person rule itself.
     */
    record Approve(long request) implements DetourCommand {
        public Optional<Verb> verb() {
            return Optional.empty();
        }
    }

    /** "Apply now, I take responsibility" pressed on a request: an emergency apply, for on-call only. */
    record ApplyNow(long request) implements DetourCommand {
        /** A switch-off, as {@code disable --now} is: refused off call as "run `/detour disable`" is. */
        public Optional<Verb> verb() {
            return Optional.of(Verb.DISABLE);
        }
    }

    /** Review pressed on an emergency apply; like Approve, checked and audited by the two-person rule. */
    record Review(long emergency) implements DetourCommand {
        public Optional<Verb> verb() {
            return Optional.empty();
        }
    }

    /** Cancel pressed on a switch-off that asked first: nothing changes. */
    record Cancel() implements DetourCommand {
        public Optional<Verb> verb() {
            return Optional.empty();
        }
    }

    record Consent(TaskClassId taskClass, ConsentAnswer answer) implements DetourCommand {
        public Optional<Verb> verb() {
            return Optional.of(Verb.CONSENT);
        }
    }

    /**
     * @param text the thread's part and the part for customers, which is already what customers read
     *             ({@code messages.CustomerText}); at least one of them
     */
    record Update(IncidentId incident, UpdateText text) implements DetourCommand {
        public Update {
            Objects.requireNonNull(incident, "incident");
            if (text == null || text.isEmpty()) {
                throw new IllegalArgumentException("an update needs text");
            }
        }

        public Optional<Verb> verb() {
            return Optional.of(Verb.UPDATE);
        }
    }

    record ChangeState(IncidentId incident, IncidentState state) implements DetourCommand {
        public Optional<Verb> verb() {
            return Optional.of(Verb.STATE);
        }
    }

    /**
     * Names the incident; the title wins over the one messages make from its scope. An empty title is kept here
     * and refused by the incident ({@code Refusal.TitleNeedsText}), so the refusal reads like every other.
     */
    record Retitle(IncidentId incident, String title) implements DetourCommand {
        public Retitle {
            Objects.requireNonNull(incident, "incident");
            title = title == null ? "" : title.strip();
        }

        public Optional<Verb> verb() {
            return Optional.of(Verb.TITLE);
        }
    }

    /** Sets the incident's kind; it stays as set. */
    record SetKind(IncidentId incident, IncidentKind kind) implements DetourCommand {
        public SetKind {
            Objects.requireNonNull(incident, "incident");
            Objects.requireNonNull(kind, "kind");
        }

        public Optional<Verb> verb() {
            return Optional.of(Verb.KIND);
        }
    }

    /** Resolve, with the summary, the cause and the follow-ups as data ({@link Resolution}). */
    record Resolve(IncidentId incident, Resolution resolution) implements DetourCommand {
        public Resolve(IncidentId incident, Optional<String> summary) {
            this(incident, Resolution.summary(summary.orElse("")));
        }

        public Optional<String> summary() {
            return Optional.of(resolution.summary()).filter(text -> !text.isEmpty());
        }

        public Optional<Verb> verb() {
            return Optional.of(Verb.RESOLVE);
        }
    }

    /** The Acknowledge button: on-call has seen the incident and is on it. */
    record Acknowledge(IncidentId incident) implements DetourCommand {
        public Acknowledge {
            Objects.requireNonNull(incident, "incident");
        }

        public Optional<Verb> verb() {
            return Optional.empty();
        }

        @Override
        public boolean changesProduction() {
            return true;
        }
    }

    /** The Post update and Resolve buttons: open the form that will send {@link Update} or {@link Resolve}. */
    record OpenForm(Form form, IncidentId incident) implements DetourCommand {
        public OpenForm {
            Objects.requireNonNull(form, "form");
            Objects.requireNonNull(incident, "incident");
        }

        public Optional<Verb> verb() {
            return Optional.of(form.verb);
        }
    }

    /** The forms about one incident, each sending the command of its verb. */
    enum Form {
        UPDATE(Verb.UPDATE),
        RESOLVE(Verb.RESOLVE);

        private final Verb verb;

        Form(Verb verb) {
            this.verb = verb;
        }
    }

    /** A resolved incident flares up again: a new incident, linked to it, about the same targets. */
    record Reopen(IncidentId incident, Optional<String> reason) implements DetourCommand {
        public Optional<Verb> verb() {
            return Optional.of(Verb.REOPEN);
        }
    }

    /** The manager summary; {@code full} adds every signal and the whole timeline. */
    record Summary(IncidentId incident, boolean full) implements DetourCommand {
        public Summary(IncidentId incident) {
            this(incident, false);
        }

        public Optional<Verb> verb() {
            return Optional.of(Verb.SUMMARY);
        }
    }

    /**
     * @param query  the incident or subject to read; {@code since} relative to now
     * @param filter the incident, provider, model or task class as typed (for the next page's command)
     * @param all    delivery receipts too; without {@code all} they are left out
     * @param page   which page of {@link #PAGE} records, newest first, from 1
     */
    record Audit(AuditQuery query, Optional<Duration> since, Optional<String> filter, boolean all, int page)
            implements DetourCommand {
        /** Records per page. */
        public static final int PAGE = 30;
        /** The last page anyone may ask for. */
        public static final int LAST_PAGE = 10_000;

        public Audit {
            since = since == null ? Optional.empty() : since;
            filter = filter == null ? Optional.empty() : filter;
            if (page < 1 || page > LAST_PAGE) {
                throw new IllegalArgumentException("page must be between 1 and " + LAST_PAGE);
            }
        }

        /** The first page, without receipts. */
        public Audit(AuditQuery query, Optional<Duration> since) {
            this(query, since, Optional.empty(), false, 1);
        }

        /** What to type for page {@code number} of the same records: {@code /detour audit INC-1 since 2h page 2}. */
        public String pageCommand(int number) {
            StringBuilder text = new StringBuilder("/detour audit");
            filter.ifPresent(word -> text.append(' ').append(word));
            since.ifPresent(duration -> text.append(" since ").append(typed(duration)));
            if (all) {
                text.append(" all");
            }
            return text.append(" page ").append(number).toString();
        }

        /** {@code 7d}, {@code 2h}, {@code 90m}, {@code 45s}: a duration as it may be typed again. */
        private static String typed(Duration duration) {
            long seconds = duration.toSeconds();
            if (seconds % 86_400 == 0) {
                return seconds / 86_400 + "d";
            }
            if (seconds % 3600 == 0) {
                return seconds / 3600 + "h";
            }
            return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
        }

        public Optional<Verb> verb() {
            return Optional.of(Verb.AUDIT);
        }
    }

    /** A Slack DM for every customer update, for the person who typed it ({@code on}), or no more. */
    record Subscribe(boolean on) implements DetourCommand {
        public Optional<Verb> verb() {
            return Optional.of(on ? Verb.SUBSCRIBE : Verb.UNSUBSCRIBE);
        }
    }

    /**
     * {@code /detour maintenance <targets> <from> <until> [-- reason]}: planned work, announced ahead and, with a
     * provider's {@code pre-route}, routed around (docs/maintenance.md). Times resolve against the clock when run.
     */
    record ScheduleMaintenance(List<Target> targets, MaintenanceTime from, MaintenanceTime until,
                               Optional<String> reason) implements DetourCommand {
        public ScheduleMaintenance {
            targets = atLeastOne(targets, "maintenance");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(until, "until");
            Objects.requireNonNull(reason, "reason");
        }

        public Optional<Verb> verb() {
            return Optional.of(Verb.MAINTENANCE);
        }
    }

    /** {@code /detour maintenance list}: the windows planned or under way. Anyone may read it. */
    record ListMaintenance() implements DetourCommand {
        public Optional<Verb> verb() {
            return Optional.of(Verb.MAINTENANCE);
        }

        @Override
        public boolean changesProduction() {
            return false;
        }
    }

    /** {@code /detour maintenance cancel <id>}. */
    record CancelMaintenance(MaintenanceId id) implements DetourCommand {
        public CancelMaintenance {
            Objects.requireNonNull(id, "id");
        }

        public Optional<Verb> verb() {
            return Optional.of(Verb.MAINTENANCE);
        }
    }

    /**
     * Text that is not a valid command.
     *
     * @param problem what was wrong, in a sentence
     * @param usage   the right usage: the verb's line, or every line when the verb itself was unknown
     * @param verb    the verb, when it was recognised
     */
    record Invalid(String problem, String usage, Optional<Verb> verb) implements DetourCommand {
        public Invalid {
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(usage, "usage");
        }

        /** Nothing to carry out, so nothing to permit: anyone may be told what was wrong. */
        @Override
        public boolean changesProduction() {
            return false;
        }
    }
}
