package dev.detour.bot.signals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Alertmanager webhook (v4) bodies as Alertmanager sends them, for tests that need a signal over HTTP. */
public final class AlertmanagerAlerts {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AlertmanagerAlerts() {
    }

    /** One firing alert about a model, with the {@code provider} and {@code model} labels Detour reads. */
    public static String firing(String provider, String model) {
        return """
                {"receiver":"detour","status":"firing","version":"4","groupKey":"{}:{alertname=\\"LLMErrors\\"}",
                 "commonLabels":{"alertname":"LLMErrors"},
                 "alerts":[{"status":"firing","labels":{"alertname":"LLMErrors","provider":"%s","model":"%s"},
                   "annotations":{"summary":"%s error rate above 20%%"},"startsAt":"2026-06-07T07:10:00Z",
                   "endsAt":"0001-01-01T00:00:00Z","fingerprint":"%s"}]}""".formatted(provider, model, model, model);
    }

    /**
     * One firing alert of a notification, as Alertmanager's template data has it.
     *
     * @param fingerprint null for an alert without one (older Alertmanagers, hand-made senders)
     */
    public record Alert(String fingerprint, Map<String, String> labels, String summary, String startsAt) {
        public static Alert about(String model, String fingerprint, String summary) {
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put("alertname", "LLMErrorRateHigh");
            labels.put("model", model);
            labels.put("severity", "warning");
            return new Alert(fingerprint, labels, summary, "2026-06-07T09:02:58.432911368Z");
        }
    }

    /** A v4 notification of firing alerts, with every field Alertmanager sends. */
    public static String notification(List<Alert> alerts) {
        ObjectNode root = JSON.createObjectNode();
        root.put("receiver", "detour");
        root.put("status", "firing");
        ArrayNode items = root.putArray("alerts");
        for (Alert alert : alerts) {
            ObjectNode item = items.addObject();
            item.put("status", "firing");
            item.set("labels", JSON.valueToTree(alert.labels()));
            item.putObject("annotations").put("summary", alert.summary());
            item.put("startsAt", alert.startsAt());
            item.put("endsAt", "0001-01-01T00:00:00Z");
            item.put("generatorURL", "http://prometheus:9090/graph?g0.expr=llm_error_rate+%3E+0.2");
            if (alert.fingerprint() != null) {
                item.put("fingerprint", alert.fingerprint());
            }
        }
        root.putObject("groupLabels").put("alertname", "LLMErrorRateHigh");
        root.putObject("commonLabels").put("alertname", "LLMErrorRateHigh");
        root.putObject("commonAnnotations");
        root.put("externalURL", "http://alertmanager:9093");
        root.put("version", "4");
        root.put("groupKey", "{}:{alertname=\"LLMErrorRateHigh\"}");
        root.put("truncatedAlerts", 0);
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
