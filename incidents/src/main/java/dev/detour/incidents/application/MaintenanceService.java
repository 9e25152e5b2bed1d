package dev.detour.incidents.application;

import dev.detour.incidents.audit.AuditAction;
import dev.detour.incidents.audit.AuditRecord;
import dev.detour.incidents.audit.AuditSubject;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.MaintenancePolicy;
import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.Provider;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.incident.IncidentKind;
import dev.detour.incidents.incident.TextLimits;
import dev.detour.incidents.maintenance.MaintenanceId;
import dev.detour.incidents.maintenance.MaintenancePlan;
import dev.detour.incidents.maintenance.MaintenanceSource;
import dev.detour.incidents.maintenance.MaintenanceStatus;
import dev.detour.incidents.maintenance.MaintenanceStep;
import dev.detour.incidents.maintenance.MaintenanceWindow;
import dev.detour.incidents.ports.AuditTrail;
import dev.detour.incidents.ports.MaintenanceWindows;
import dev.detour.incidents.routing.RouteReason;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Maintenance windows (docs/maintenance.md): recorded from status pages or by hand, each change one transaction
 * with its audit record; with {@code pre-route}, the targets of a window that starts are switched off through
 * {@link AvailabilityService} (an incident of kind {@code maintenance}) and switched on through its enable when it
 * ends. What the incident channel is told is rendered by the notifications module, which marks each step told.
 */
@Singleton
public class MaintenanceService {
    /** Who pre-route acts as: "Detour (by policy)". */
    public static final Actor POLICY = Actor.policy("maintenance");
    public static final AuditAction RECORDED = new AuditAction("maintenance.recorded");
    public static final AuditAction SCHEDULED = new AuditAction("maintenance.scheduled");
    public static final AuditAction CHANGED = new AuditAction("maintenance.changed");
    public static final AuditAction CANCELLED = new AuditAction("maintenance.cancelled");
    /** How long after its end a window is still looked at (a late change, a switch-on owed). */
    private static final Duration LOOK_BACK = Duration.ofDays(1);

    private final MaintenanceWindows windows;
    private final AvailabilityService availability;
    private final AuditTrail audit;
    private final Catalog catalog;
    private final Clock clock;

    public MaintenanceService(MaintenanceWindows windows, AvailabilityService availability, AuditTrail audit,
                              Catalog catalog, Clock clock) {
        this.windows = windows;
        this.availability = availability;
        this.audit = audit;
        this.catalog = catalog;
        this.clock = clock;
    }

    /**
     * A maintenance as a Statuspage {@code summary.json} ({@code scheduled_maintenances}) or webhook
     * ({@code incident} with {@code scheduled_for}) describes it.
     *
     * @param status     the page's word: {@code scheduled}, {@code in_progress}, {@code verifying}, {@code completed}
     * @param components the names of the components it lists
     */
    public record PageMaintenance(String pageId, String name, String status, Instant startsAt, Instant endsAt,
                                  List<String> components) {
        public PageMaintenance {
            components = List.copyOf(components);
        }
    }

    /** What a page's maintenance did: recorded new, changed a known one, or nothing. */
    public enum PageOutcome {
        RECORDED, CHANGED, UNCHANGED,
        /** None of its components is mapped to a model in the config: not Detour's business. */
        UNMAPPED,
        /** Its end is before its start. */
        IMPLAUSIBLE
    }

    @Transactional
    public PageOutcome fromStatusPage(Provider provider, PageMaintenance page) {
        TreeSet<ModelId> models = new TreeSet<>(Comparator.comparing(ModelId::value));
        page.components().forEach(component -> models.addAll(provider.components().getOrDefault(component,
                List.of())));
        if (models.isEmpty()) {
            return PageOutcome.UNMAPPED;
        }
        if (page.endsAt().isBefore(page.startsAt())) {
            return PageOutcome.IMPLAUSIBLE;
        }
        List<Target> targets = models.stream().map(Target::model).toList();
        MaintenanceStatus status = pageStatus(page.status());
        String name = TextLimits.clip(page.name(), TextLimits.TEXT);
        MaintenanceId id = MaintenanceId.fromStatusPage(provider.id().value(), page.pageId());
        Instant now = clock.instant();
        Actor by = Actor.signal("statuspage:" + provider.id().value());
        MaintenanceWindow fresh = MaintenanceWindow.recorded(id, new MaintenanceSource.StatusPage(provider.id(),
                page.pageId()), name, targets, page.startsAt(), page.endsAt(), status, now);
        if (windows.record(fresh)) {
            audit(now, by, RECORDED, fresh, Optional.empty());
            return PageOutcome.RECORDED;
        }
        MaintenanceWindow known = windows.lock(id).orElseThrow();
        Optional<MaintenanceWindow> revised = known.revised(name, targets, page.startsAt(), page.endsAt(), status);
        if (revised.isEmpty()) {
            return PageOutcome.UNCHANGED;
        }
        windows.save(revised.get());
        audit(now, by, CHANGED, revised.get(), Optional.of(known.status().word()));
        return PageOutcome.CHANGED;
    }

    private static MaintenanceStatus pageStatus(String word) {
        return switch (word == null ? "" : word.toLowerCase(Locale.ROOT)) {
            case "completed", "resolved", "postmortem" -> MaintenanceStatus.COMPLETED;
            case "cancelled", "canceled" -> MaintenanceStatus.CANCELLED;
            default -> MaintenanceStatus.SCHEDULED; // scheduled, in_progress, verifying
        };
    }

    /** A window asked for by hand: recorded, or refused with the problem named and nothing changed. */
    public sealed interface ScheduleOutcome {
        record Scheduled(MaintenanceWindow window) implements ScheduleOutcome {
        }

        record Refused(MaintenancePlan.Problem problem) implements ScheduleOutcome {
        }
    }

    @Transactional
    public ScheduleOutcome schedule(MaintenancePlan plan, Actor by) {
        Instant now = clock.instant();
        Optional<MaintenancePlan.Problem> problem = plan.problem(now);
        if (problem.isPresent()) {
            return new ScheduleOutcome.Refused(problem.get());
        }
        MaintenanceWindow window = MaintenanceWindow.recorded(MaintenanceId.random(),
                new MaintenanceSource.ByHand(by), plan.reason().orElse(""), plan.targets(), plan.startsAt(),
                plan.endsAt(), MaintenanceStatus.SCHEDULED, now);
        windows.record(window);
        audit(now, by, SCHEDULED, window, Optional.empty());
        return new ScheduleOutcome.Scheduled(window);
    }

    /** Calling a window off: refused as a value when there is none, or it is already over or called off. */
    public sealed interface CancelOutcome {
        record Cancelled(MaintenanceWindow window) implements CancelOutcome {
        }

        record NotFound(MaintenanceId id) implements CancelOutcome {
        }

        record AlreadyOver(MaintenanceWindow window) implements CancelOutcome {
        }
    }

    @Transactional
    public CancelOutcome cancel(MaintenanceId id, Actor by) {
        Optional<MaintenanceWindow> known = windows.lock(id);
        if (known.isEmpty()) {
            return new CancelOutcome.NotFound(id);
        }
        Instant now = clock.instant();
        Optional<MaintenanceWindow> cancelled = known.get().endsAt().isAfter(now) ? known.get().cancelled()
                : Optional.empty();
        if (cancelled.isEmpty()) {
            return new CancelOutcome.AlreadyOver(known.get());
        }
        windows.save(cancelled.get());
        audit(now, by, CANCELLED, cancelled.get(), Optional.of(known.get().status().word()));
        return new CancelOutcome.Cancelled(cancelled.get());
    }

    /** Windows that are planned or under way, by start. */
    @Transactional(readOnly = true)
    public List<MaintenanceWindow> upcoming() {
        Instant now = clock.instant();
        return windows.notOverBefore(now).stream()
                .filter(window -> window.status() == MaintenanceStatus.SCHEDULED && window.endsAt().isAfter(now))
                .toList();
    }

    /**
     * When the planned work behind a {@code maintenance} incident ends (docs/maintenance.md, "What each audience
     * sees"): the latest end of the windows whose {@code pre-route} switch-off opened or joined {@code incident} and
     * whose targets are still off; empty when none is (the work is over, or the incident is not planned work).
     */
    @Transactional(readOnly = true)
    public Optional<Instant> plannedEnd(IncidentId incident) {
        return windows.notOverBefore(clock.instant()).stream()
                .filter(window -> window.incident().filter(incident::equals).isPresent())
                .filter(window -> window.startedAt().isPresent() && window.endedAt().isEmpty())
                .map(MaintenanceWindow::endsAt).max(Instant::compareTo);
    }

    /** A window and what it is due now. */
    public record Due(MaintenanceWindow window, List<MaintenanceStep> steps, MaintenancePolicy policy) {
        public Due {
            steps = List.copyOf(steps);
        }
    }

    /** Every window due something now. */
    @Transactional(readOnly = true)
    public List<Due> due() {
        Instant now = clock.instant();
        List<Due> due = new ArrayList<>();
        for (MaintenanceWindow window : windows.notOverBefore(now.minus(LOOK_BACK))) {
            MaintenancePolicy policy = policy(window);
            List<MaintenanceStep> steps = window.due(now, policy);
            if (!steps.isEmpty()) {
                due.add(new Due(window, steps, policy));
            }
        }
        return due;
    }

    /**
     * {@code pre-route} when every provider the window touches says so (docs/maintenance.md); a window on models of
     * a provider that only announces never switches anything.
     */
    public MaintenancePolicy policy(MaintenanceWindow window) {
        boolean preRoute = window.targets().stream().map(catalog::providerOf).map(catalog::provider)
                .allMatch(provider -> provider.map(Provider::maintenance).orElse(MaintenancePolicy.ANNOUNCE)
                        == MaintenancePolicy.PRE_ROUTE);
        return preRoute ? MaintenancePolicy.PRE_ROUTE : MaintenancePolicy.ANNOUNCE;
    }

    /**
     * The incident channel has been told {@code step} ({@link MaintenanceStep#ANNOUNCE}, {@code REMIND} or
     * {@code TELL_CHANGE}) about the window as {@code told} showed it; a window changed since keeps its newer
     * revision owed.
     */
    @Transactional
    public void markTold(MaintenanceWindow told, MaintenanceStep step) {
        windows.lock(told.id()).ifPresent(current -> {
            Instant now = clock.instant();
            MaintenanceWindow next = switch (step) {
                case ANNOUNCE, TELL_CHANGE -> current.revision() == told.revision() ? current.told(now) : current;
                case REMIND -> current.startsAt().equals(told.startsAt()) ? current.reminded() : current;
                case START, END -> throw new IllegalArgumentException(step + " is not something told");
            };
            windows.save(next);
        });
    }

    /**
     * Pre-route: starts or ends one window due {@link MaintenanceStep#START} or {@link MaintenanceStep#END},
     * deciding again under its row lock (another replica may have done it). @return whether it switched anything
     */
    @Transactional
    public boolean route(MaintenanceId id) {
        Optional<MaintenanceWindow> locked = windows.lock(id);
        if (locked.isEmpty()) {
            return false;
        }
        MaintenanceWindow window = locked.get();
        Instant now = clock.instant();
        List<MaintenanceStep> steps = window.due(now, policy(window));
        Optional<String> reason = window.name().isBlank() ? Optional.empty() : Optional.of(window.name());
        if (steps.contains(MaintenanceStep.START)) {
            RoutingOutcome outcome = availability.disable(window.targets(), POLICY, reason, IncidentKind.MAINTENANCE,
                    Optional.of(new RouteReason.PlannedMaintenance(window.id().value(), window.endsAt())));
            Optional<IncidentId> incident = outcome instanceof RoutingOutcome.Applied applied
                    ? applied.incident().map(dev.detour.incidents.incident.Incident::id) : Optional.empty();
            windows.save(window.started(now, incident));
            return true;
        }
        if (steps.contains(MaintenanceStep.END)) {
            // The normal enable path: a provider whose recovery is staged comes back through its ramp.
            availability.enable(window.targets(), POLICY, reason);
            windows.save(window.ended(now));
            return true;
        }
        return false;
    }

    private void audit(Instant now, Actor by, AuditAction action, MaintenanceWindow window, Optional<String> before) {
        audit.append(new AuditRecord(now, by, action, AuditSubject.targets(window.targets()), before,
                Optional.of(window.status().word()), Optional.of(dataLine(window)), Optional.empty()));
    }

    /** The audit reason: a stable data line, never prose (docs/signals.md, "What a signal saw"). */
    static String dataLine(MaintenanceWindow window) {
        return "maintenance id=" + window.id() + " from=" + window.startsAt() + " until=" + window.endsAt()
                + " name=\"" + window.name().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
