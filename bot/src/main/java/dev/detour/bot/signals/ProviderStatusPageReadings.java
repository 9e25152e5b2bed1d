package dev.detour.bot.signals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.detour.bot.metrics.SignalMeters;
import dev.detour.incidents.application.LastProviderStatusPageReadings;
import dev.detour.incidents.application.MaintenanceService;
import dev.detour.incidents.application.ProviderStatusPageReadability;
import dev.detour.incidents.application.SignalService;
import dev.detour.incidents.catalog.Model;
import dev.detour.incidents.catalog.ModelId;
import dev.detour.incidents.catalog.Provider;
import dev.detour.incidents.signals.ProviderStatusPageTracker;
import dev.detour.incidents.signals.Signal;
import dev.detour.incidents.signals.Transition;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What a status page says, from a poll or a webhook, turned into signals and timeline entries. */
@Singleton
public class ProviderStatusPageReadings {
    private static final Logger LOG = LoggerFactory.getLogger(ProviderStatusPageReadings.class);
    private final ProviderStatusPageTracker tracker;
    private final SignalService signals;
    private final Clock clock;
    private final SignalMeters meters;
    private final LastProviderStatusPageReadings lastReadings;
    private final SignalTimes times;
    private final MaintenanceService maintenance;
    private final ProviderStatusPageReadability readability;

    public ProviderStatusPageReadings(ProviderStatusPageTracker tracker, SignalService signals, Clock clock, SignalMeters meters,
                              LastProviderStatusPageReadings lastReadings, MaintenanceService maintenance,
                              ProviderStatusPageReadability readability) {
        this.readability = readability;
        this.maintenance = maintenance;
        this.tracker = tracker;
        this.signals = signals;
        this.clock = clock;
        this.meters = meters;
        this.lastReadings = lastReadings;
        this.times = new SignalTimes(clock);
    }

    /**
     * @param refused      why each update that was not recorded was refused (an implausible time)
     * @param maintenances how many maintenance windows were recorded or changed (docs/maintenance.md)
     */
    public record Result(int signals, int updates, String detail, List<String> refused, int maintenances) {
    }

    /** A signal with the component status it announces: the database decides whether it is news. */
    private record Change(Transition transition, Signal signal) {
    }

    /**
     * A {@code summary.json}: every component's status, and the updates of the page's open incidents. Those are
     * remembered first, so an incident opened now or later (by this reading's components, a person, the gateway
     * or an alert) starts with them, although the page answers 304 until it changes.
     */
    public Result summary(Provider provider, JsonNode summary) {
        readability.readable(provider.id());
        List<Change> changed = new ArrayList<>();
        Instant now = clock.instant();
        for (ProviderStatusPageJson.Component component : ProviderStatusPageJson.components(summary)) {
            tracker.update(provider, component.name(), component.status(), now).ifPresent(signal -> changed.add(
                    new Change(Transition.statusPage(provider.id(), component.name(), component.status()), signal)));
        }
        ProviderStatusPageJson.Updates updates = ProviderStatusPageJson.updates(summary, now, times);
        lastReadings.remember(provider.id(), updates.plausible());
        Result result = record(provider, changed, updates, "", summary);
        if (!result.refused().isEmpty()) {
            LOG.warn("status page of {}: {} update(s) not recorded: {}", provider.id(), result.refused().size(),
                    String.join("; ", result.refused()));
        }
        return result;
    }

    /**
     * A poll that could not read the page: "status page unreadable", never an outage signal and never a reason to
     * open anything (docs/signals.md). Logged once when the page turns unreadable.
     */
    public void unreadable(Provider provider, String reason) {
        boolean first = readability.of(provider.id()).isEmpty();
        readability.unreadable(provider.id(), reason == null ? "unknown" : reason, clock.instant());
        if (first) {
            LOG.warn("status page of {} is unreadable: {}", provider.id(), reason);
        }
    }

        /** A webhook: a component update, or an incident with its updates. */
    public Result webhook(Provider provider, JsonNode root) {
        Instant now = clock.instant();
        List<Change> changed = new ArrayList<>();
        String detail = "";
        JsonNode component = root.path("component");
        if (component.isObject() || root.has("component_update")) {
            String name = component.path("name").asText("");
            String status = root.path("component_update").path("new_status").asText(component.path("status")
                    .asText(""));
            Optional<Signal> signal = tracker.update(provider, name, status, now);
            signal.ifPresent(found -> changed.add(new Change(Transition.statusPage(provider.id(), name, status),
                    found)));
            if (signal.isEmpty()) {
                detail = provider.components().containsKey(name) ? "no change for component '" + name + "'"
                        : "component '" + name + "' is not mapped to models in the config";
            }
        }
        return record(provider, changed, ProviderStatusPageJson.updates(root, now, times), detail, root);
    }

    /**
     * A StatusGator event about {@code provider}'s service: each component change as a Statuspage component
     * update would be; with no component changes, the service's own status covers all of the provider's models
     * (docs/signals.md, "StatusGator").
     */
    Result statusGator(Provider provider, StatusGatorEvent event) {
        Instant now = clock.instant();
        List<Change> changed = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (event.components().isEmpty()) {
            String component = "StatusGator service '" + event.slug() + "'";
            List<ModelId> models = provider.models().stream().map(Model::id).toList();
            Optional<String> status = event.asStatusPage(event.status());
            status.flatMap(known -> tracker.update(provider, component, models, known, now))
                    .ifPresentOrElse(signal -> changed.add(new Change(Transition.statusPage(provider.id(), component,
                            status.get()), signal)), () -> notes.add(status.isEmpty()
                            ? "unknown status '" + event.status() + "'" : "no change for the service"));
        }
        for (StatusGatorEvent.ComponentChange component : event.components()) {
            Optional<String> status = event.asStatusPage(component.status());
            Optional<Signal> signal = status.flatMap(known -> tracker.update(provider, component.name(), known, now));
            signal.ifPresent(found -> changed.add(new Change(Transition.statusPage(provider.id(), component.name(),
                    status.get()), found)));
            if (signal.isEmpty()) {
                notes.add(!provider.components().containsKey(component.name())
                        ? "component '" + component.name() + "' is not mapped to models in the config"
                        : status.isEmpty() ? "unknown status '" + component.status() + "' of component '"
                        + component.name() + "'" : "no change for component '" + component.name() + "'");
            }
        }
        return record(provider, changed, new ProviderStatusPageJson.Updates(List.of(), List.of()),
                String.join("; ", notes), com.fasterxml.jackson.databind.node.MissingNode.getInstance());
    }

    private Result record(Provider provider, List<Change> changed, ProviderStatusPageJson.Updates updates, String detail,
                          JsonNode root) {
        meters.received(SignalMeters.Source.STATUSPAGE, provider.id(), 1);
        // The other replica may have announced the same status already (its poll, or this page's webhook);
        // this replica's tracker only knows what it saw itself.
        int announced = 0;
        for (Change change : changed) {
            announced += signals.receiveTransition(change.transition(), change.signal()) ? 1 : 0;
        }
        int recorded = 0;
        for (SignalService.StatusPageUpdate update : updates.plausible()) {
            recorded += signals.statusPageUpdate(provider.id(), update) ? 1 : 0;
        }
        int maintenances = 0;
        for (MaintenanceService.PageMaintenance planned : ProviderStatusPageJson.maintenances(root)) {
            MaintenanceService.PageOutcome outcome = maintenance.fromStatusPage(provider, planned);
            maintenances += outcome == MaintenanceService.PageOutcome.RECORDED
                    || outcome == MaintenanceService.PageOutcome.CHANGED ? 1 : 0;
            if (outcome == MaintenanceService.PageOutcome.IMPLAUSIBLE) {
                LOG.warn("status page of {}: maintenance '{}' ends before it starts; not recorded", provider.id(),
                        planned.pageId());
            }
        }
        return new Result(announced, recorded, detail, updates.refused(), maintenances);
    }
}
