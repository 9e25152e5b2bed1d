package dev.detour.bot.signals;

/** Alertmanager webhook (v4) bodies as Alertmanager sends them, for tests that need a signal over HTTP. */
public final class AlertmanagerAlerts {
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
}
