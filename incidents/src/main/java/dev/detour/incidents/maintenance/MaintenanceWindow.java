package dev.detour.incidents.maintenance;

import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.MaintenancePolicy;
import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.catalog.TaskClass;
import dev.detour.incidents.incident.IncidentId;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Planned work on providers or models: recorded once, announced when first seen and again
 * {@link #REMINDER_LEAD} before it starts; with {@code pre-route} its targets are switched off while it runs.
 * What it is due next is {@link #due(Instant, MaintenancePolicy)}; each step done is a new value
 * ({@code announced}, {@code reminded}, ...), so a job that runs it again finds nothing to do.
 *
 * @param name         what it is, as the page or the person said it
 * @param revision     1 when first recorded; grows by one with each change of its times or status
 * @param toldRevision the revision the incident channel last heard about (0: not announced yet)
 * @param remindedFor  the start the reminder was for (a window moved later gets a new reminder)
 * @param startedAt    when {@code pre-route} switched its targets off
 * @param endedAt      when {@code pre-route} switched them back on
 * @param incident     the {@code maintenance} incident {@code pre-route} opened or joined
 */
public record MaintenanceWindow(MaintenanceId id, MaintenanceSource source, String name, List<Target> targets,
                                Instant startsAt, Instant endsAt, MaintenanceStatus status, Instant recordedAt,
                                int revision, int toldRevision, Optional<Instant> remindedFor,
                                Optional<Instant> startedAt, Optional<Instant> endedAt,
                                Optional<IncidentId> incident) {
    /** How long before its start a window is announced again. */
    public static final Duration REMINDER_LEAD = Duration.ofMinutes(15);
    /** The longest window Detour takes (docs/maintenance.md). */
    public static final Duration LONGEST = Duration.ofDays(7);

    public MaintenanceWindow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        name = name == null ? "" : name;
        targets = List.copyOf(targets);
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(recordedAt, "recordedAt");
        remindedFor = remindedFor == null ? Optional.empty() : remindedFor;
        startedAt = startedAt == null ? Optional.empty() : startedAt;
        endedAt = endedAt == null ? Optional.empty() : endedAt;
        incident = incident == null ? Optional.empty() : incident;
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("a maintenance window covers at least one target");
        }
        if (endsAt.isBefore(startsAt)) {
            throw new IllegalArgumentException("a maintenance window ends after it starts");
        }
    }

    /** A window just recorded: nothing said or switched yet. */
    public static MaintenanceWindow recorded(MaintenanceId id, MaintenanceSource source, String name,
                                             List<Target> targets, Instant startsAt, Instant endsAt,
                                             MaintenanceStatus status, Instant at) {
        return new MaintenanceWindow(id, source, name, targets, startsAt, endsAt, status, at, 1, 0,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Whether it is under way at {@code now}: scheduled, started and not yet over. */
    public boolean runsAt(Instant now) {
        return status == MaintenanceStatus.SCHEDULED && !now.isBefore(startsAt) && now.isBefore(endsAt);
    }

    /** Whether nothing more will happen to it: over or called off, and nothing left switched off. */
    public boolean settledAt(Instant now) {
        boolean over = status != MaintenanceStatus.SCHEDULED || !now.isBefore(endsAt);
        return over && (startedAt.isEmpty() || endedAt.isPresent()) && (toldRevision == 0 || toldRevision >= revision);
    }

    /** What it is due at {@code now}, in order; empty when nothing. */
    public List<MaintenanceStep> due(Instant now, MaintenancePolicy policy) {
        List<MaintenanceStep> steps = new ArrayList<>();
        boolean scheduled = status == MaintenanceStatus.SCHEDULED;
        boolean over = !now.isBefore(endsAt);
        if (toldRevision == 0) {
            if (scheduled && !over) {
                steps.add(MaintenanceStep.ANNOUNCE);
            }
        } else if (toldRevision < revision) {
            steps.add(MaintenanceStep.TELL_CHANGE);
        }
        boolean reminderTime = !now.isBefore(startsAt.minus(REMINDER_LEAD)) && now.isBefore(startsAt);
        // Announced inside the lead: the announcement says it starts soon; no second message a minute later.
        boolean announcedInsideLead = toldRevision == 0 && reminderTime;
        if (scheduled && reminderTime && !announcedInsideLead
                && !remindedFor.equals(Optional.of(startsAt))) {
            steps.add(MaintenanceStep.REMIND);
        }
        if (policy == MaintenancePolicy.PRE_ROUTE && startedAt.isEmpty() && runsAt(now)) {
            steps.add(MaintenanceStep.START);
        }
        if (startedAt.isPresent() && endedAt.isEmpty() && (!scheduled || over)) {
            steps.add(MaintenanceStep.END);
        }
        return steps;
    }

    /** The channel has heard of it as it is now (announced, or its change told). */
    public MaintenanceWindow told(Instant now) {
        Optional<Instant> reminded = remindedFor;
        if (toldRevision == 0 && !now.isBefore(startsAt.minus(REMINDER_LEAD))) {
            reminded = Optional.of(startsAt); // the announcement was the reminder
        }
        return new MaintenanceWindow(id, source, name, targets, startsAt, endsAt, status, recordedAt, revision,
                revision, reminded, startedAt, endedAt, incident);
    }

    public MaintenanceWindow reminded() {
        return new MaintenanceWindow(id, source, name, targets, startsAt, endsAt, status, recordedAt, revision,
                toldRevision, Optional.of(startsAt), startedAt, endedAt, incident);
    }

    public MaintenanceWindow started(Instant at, Optional<IncidentId> in) {
        return new MaintenanceWindow(id, source, name, targets, startsAt, endsAt, status, recordedAt, revision,
                toldRevision, remindedFor, Optional.of(at), endedAt, in);
    }

    public MaintenanceWindow ended(Instant at) {
        return new MaintenanceWindow(id, source, name, targets, startsAt, endsAt, status, recordedAt, revision,
                toldRevision, remindedFor, startedAt, Optional.of(at), incident);
    }

    /**
     * The same window as a later reading says it is: new times, a new status or a new name. Empty when nothing
     * people would be told about changed (a new revision is told once, by {@link MaintenanceStep#TELL_CHANGE}).
     */
    public Optional<MaintenanceWindow> revised(String newName, List<Target> newTargets, Instant newStart,
                                               Instant newEnd, MaintenanceStatus newStatus) {
        if (startsAt.equals(newStart) && endsAt.equals(newEnd) && status == newStatus) {
            return Optional.empty();
        }
        if (status != MaintenanceStatus.SCHEDULED && newStatus == MaintenanceStatus.SCHEDULED) {
            return Optional.empty(); // a late poll of an older state never revives a finished window
        }
        return Optional.of(new MaintenanceWindow(id, source, newName, newTargets, newStart, newEnd, newStatus,
                recordedAt, revision + 1, toldRevision, remindedFor, startedAt, endedAt, incident));
    }

    /** The task classes whose usual (first) model the window takes away, in catalog order. */
    public List<TaskClass> affected(Catalog catalog) {
        return catalog.taskClasses().stream().filter(taskClass -> takesAway(taskClass.primary(), catalog)).toList();
    }

    /** Whether the window covers {@code model}, itself or through its provider. */
    public boolean takesAway(ModelId model, Catalog catalog) {
        return targets.contains(Target.model(model)) || targets.contains(Target.provider(catalog.providerOf(model)));
    }

    /** Called off by a person. */
    public Optional<MaintenanceWindow> cancelled() {
        return revised(name, targets, startsAt, endsAt, MaintenanceStatus.CANCELLED);
    }
}
