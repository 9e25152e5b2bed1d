package dev.detour.bot.signals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.detour.incidents.application.MaintenanceService;
import dev.detour.incidents.application.SignalService;
import dev.detour.incidents.incident.TextLimits;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads Atlassian Statuspage JSON leniently (pages omit {@code incidents}, a component's {@code group}, ...):
 * the {@code summary.json} a poll fetches and the webhook notifications, which share the component and incident
 * shapes.
 */
final class ProviderStatusPageJson {

    /** How much of a page's id or name a refusal quotes. */
    private static final int QUOTED = 80;

    record Component(String name, String status) {
    }

    private ProviderStatusPageJson() {
    }

    static List<Component> components(JsonNode summary) {
        List<Component> components = new ArrayList<>();
        summary.path("components").forEach(component -> {
            String name = component.path("name").asText("");
            String status = component.path("status").asText("");
            if (!name.isEmpty() && !status.isEmpty()) {
                components.add(new Component(name, status));
            }
        });
        return components;
    }

    /** The updates whose times can be believed, oldest first, and why each of the others is refused. */
    record Updates(List<SignalService.StatusPageUpdate> plausible, List<String> refused) {
    }

    /**
     * Every update of every incident in {@code incidents} (a summary) or {@code incident} (a webhook). An update
     * without a readable {@code created_at} is dated {@code fallback} (pages are read leniently); one whose time is
     * not plausible is refused.
     */
    static Updates updates(JsonNode root, Instant fallback, SignalTimes times) {
        List<SignalService.StatusPageUpdate> updates = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        List<JsonNode> incidents = new ArrayList<>();
        root.path("incidents").forEach(incidents::add);
        if (root.path("incident").isObject()) {
            incidents.add(root.path("incident"));
        }
        for (JsonNode incident : incidents) {
            if (isMaintenance(incident)) {
                continue; // planned work: a maintenance window (maintenances()), not an incident's update
            }
            String name = incident.path("name").asText("(unnamed incident)");
            String impact = incident.path("impact").asText("unknown");
            for (JsonNode update : incident.path("incident_updates")) {
                String id = update.path("id").asText("");
                if (id.isEmpty()) {
                    continue;
                }
                Instant at = time(update.path("created_at").asText(""), fallback);
                Optional<String> implausible = times.refusal("created_at", at);
                if (implausible.isPresent()) {
                    refused.add("update '" + TextLimits.clip(id, QUOTED) + "' of incident '"
                            + TextLimits.clip(name, QUOTED) + "': " + implausible.get());
                    continue;
                }
                updates.add(new SignalService.StatusPageUpdate(id, name, impact,
                        update.path("status").asText(incident.path("status").asText("")),
                        update.path("body").asText(""), at));
            }
        }
        // Oldest first, so the timeline reads in order.
        updates.sort(java.util.Comparator.comparing(SignalService.StatusPageUpdate::at));
        return new Updates(updates, refused);
    }

    /** A Statuspage incident that is planned work: it has a {@code scheduled_for}. */
    static boolean isMaintenance(JsonNode incident) {
        return incident.path("scheduled_for").isTextual() && !incident.path("scheduled_for").asText().isBlank();
    }

    /**
     * The planned work a summary lists in {@code scheduled_maintenances}, or a webhook's {@code incident} when it is
     * one (it has {@code scheduled_for}). One without an id, or without readable {@code scheduled_for} and
     * {@code scheduled_until}, is left out: Detour cannot say when it is.
     */
    static List<MaintenanceService.PageMaintenance> maintenances(JsonNode root) {
        List<JsonNode> found = new ArrayList<>();
        root.path("scheduled_maintenances").forEach(found::add);
        if (root.path("incident").isObject() && isMaintenance(root.path("incident"))) {
            found.add(root.path("incident"));
        }
        List<MaintenanceService.PageMaintenance> maintenances = new ArrayList<>();
        for (JsonNode maintenance : found) {
            String id = maintenance.path("id").asText("");
            Optional<Instant> from = SignalTimes.parse(maintenance.path("scheduled_for").asText(""));
            Optional<Instant> until = SignalTimes.parse(maintenance.path("scheduled_until").asText(""));
            if (id.isEmpty() || from.isEmpty() || until.isEmpty()) {
                continue;
            }
            List<String> components = new ArrayList<>();
            maintenance.path("components").forEach(component -> {
                String name = component.path("name").asText("");
                if (!name.isEmpty()) {
                    components.add(name);
                }
            });
            maintenances.add(new MaintenanceService.PageMaintenance(TextLimits.clip(id, QUOTED),
                    maintenance.path("name").asText(""), maintenance.path("status").asText(""), from.get(),
                    until.get(), components));
        }
        return maintenances;
    }

    static Instant time(String text, Instant fallback) {
        return SignalTimes.parse(text).orElse(fallback);
    }
}
