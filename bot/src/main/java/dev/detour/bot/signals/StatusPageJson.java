package dev.detour.bot.signals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.detour.incidents.service.SignalService;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Atlassian Statuspage JSON leniently (pages omit {@code incidents}, a component's {@code group}, ...):
 * the {@code summary.json} a poll fetches and the webhook notifications, which share the component and incident
 * shapes.
 */
final class StatusPageJson {

    record Component(String name, String status) {
    }

    private StatusPageJson() {
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

    /** Every update of every incident in {@code incidents} (a summary) or {@code incident} (a webhook). */
    static List<SignalService.StatusPageUpdate> updates(JsonNode root, Instant fallback) {
        List<SignalService.StatusPageUpdate> updates = new ArrayList<>();
        List<JsonNode> incidents = new ArrayList<>();
        root.path("incidents").forEach(incidents::add);
        if (root.path("incident").isObject()) {
            incidents.add(root.path("incident"));
        }
        for (JsonNode incident : incidents) {
            String name = incident.path("name").asText("(unnamed incident)");
            String impact = incident.path("impact").asText("unknown");
            for (JsonNode update : incident.path("incident_updates")) {
                String id = update.path("id").asText("");
                if (id.isEmpty()) {
                    continue;
                }
                updates.add(new SignalService.StatusPageUpdate(id, name, impact,
                        update.path("status").asText(incident.path("status").asText("")),
                        update.path("body").asText(""), time(update.path("created_at").asText(""), fallback)));
            }
        }
        // Oldest first, so the timeline reads in order.
        updates.sort(java.util.Comparator.comparing(SignalService.StatusPageUpdate::at));
        return updates;
    }

    static Instant time(String text, Instant fallback) {
        try {
            return text.isEmpty() ? fallback : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }
}
