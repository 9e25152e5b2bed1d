package dev.detour.bot.signals;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One StatusGator v3 webhook event (docs/signals.md, "StatusGator"): a {@code StatusChange} or an
 * {@code EarlyWarningSignal} about one service, with the changes of its components. Statuses are StatusGator's
 * words ({@code up}, {@code warn}, {@code down}, {@code maintenance}), read as the Statuspage statuses Detour
 * already understands.
 *
 * @param early whether it is an {@code EarlyWarningSignal}: never more than a degradation
 */
record StatusGatorEvent(boolean early, String slug, String serviceName, String status,
                        List<ComponentChange> components) {

    record ComponentChange(String name, String status) {
    }

    /** Why a body is not a StatusGator event. */
    static final class NotAnEvent extends Exception {
        NotAnEvent(String message) {
            super(message);
        }
    }

    StatusGatorEvent {
        components = List.copyOf(components);
    }

    static StatusGatorEvent read(JsonNode root) throws NotAnEvent {
        if (root == null || !root.isObject()) {
            throw new NotAnEvent("expected a JSON object with \"type\", \"service\" and \"status\"");
        }
        String type = root.path("type").asText("");
        if (!type.equals("StatusChange") && !type.equals("EarlyWarningSignal")) {
            throw new NotAnEvent("\"type\" must be \"StatusChange\" or \"EarlyWarningSignal\"");
        }
        String slug = root.path("service").path("slug").asText("").trim();
        if (slug.isEmpty()) {
            throw new NotAnEvent("\"service\" needs a \"slug\"");
        }
        JsonNode changes = root.path("component_status_changes");
        if (!changes.isMissingNode() && !changes.isNull() && !changes.isArray()) {
            throw new NotAnEvent("\"component_status_changes\" must be a list");
        }
        List<ComponentChange> components = new ArrayList<>();
        for (JsonNode change : changes) {
            String name = change.path("name").asText("");
            String status = change.path("current_status").asText("");
            if (!name.isEmpty() && !status.isEmpty()) {
                components.add(new ComponentChange(name, status));
            }
        }
        return new StatusGatorEvent(type.equals("EarlyWarningSignal"), slug,
                root.path("service").path("name").asText(slug), root.path("status").asText(""), components);
    }

    /**
     * A StatusGator status as the Statuspage status with the same meaning; an early warning is at most
     * {@code degraded_performance}. Empty for a status Detour does not know (it is ignored).
     */
    Optional<String> asStatusPage(String statusGator) {
        String status = switch (statusGator == null ? "" : statusGator.toLowerCase(Locale.ROOT)) {
            case "up", "operational" -> "operational";
            case "warn", "degraded_performance" -> "degraded_performance";
            case "down", "major_outage", "partial_outage" -> "major_outage";
            case "maintenance", "under_maintenance" -> "under_maintenance";
            default -> "";
        };
        if (status.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(early && status.equals("major_outage") ? "degraded_performance" : status);
    }
}
