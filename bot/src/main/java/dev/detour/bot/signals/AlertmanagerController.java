package dev.detour.bot.signals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.detour.bot.api.ApiError;
import dev.detour.bot.api.JsonProblems;
import dev.detour.bot.metrics.SignalMeters;
import dev.detour.incidents.application.SignalService;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.TextLimits;
import dev.detour.incidents.signals.FiringAlerts;
import dev.detour.incidents.signals.Signal;
import dev.detour.incidents.signals.SignalEvidence;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code POST /signals/alertmanager}: Prometheus Alertmanager's webhook (payload version 4). Each alert names a
 * {@code model} and/or {@code provider} label; a firing alert is a failing signal, a resolved one clears it. A
 * notification Alertmanager repeats (same fingerprint, same status, same start) is recorded once. Each alert is
 * its own unit of work: one that is refused or fails never stops the others, and the answer says how each went
 * (docs/signals.md).
 */
@Controller("/signals")
public class AlertmanagerController {
    public static final String SOURCE = "alertmanager";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(AlertmanagerController.class);
    private static final Set<String> DOWN = Set.of("critical", "page", "error", "fatal");
    /** How much of an alert's fingerprint or unknown id the answer repeats: Alertmanager's fingerprints are 16. */
    private static final int FINGERPRINT_ECHO = 100;
    private static final int ID_ECHO = 100;

    private final Catalog catalog;
    private final SignalService signals;
    private final Clock clock;
    private final SignalMeters meters;
    private final AlertTimes times;
    private final FiringAlerts firingAlerts;

    public AlertmanagerController(Catalog catalog, SignalService signals, Clock clock, SignalMeters meters,
                                  FiringAlerts firingAlerts) {
        this.firingAlerts = firingAlerts;
        this.catalog = catalog;
        this.signals = signals;
        this.clock = clock;
        this.meters = meters;
        this.times = new AlertTimes(clock);
    }

    /** How one alert of a notification went: {@code recorded}, {@code repeat}, {@code refused} or {@code failed}. */
    public record AlertResult(int index, @Nullable String fingerprint, String outcome, @Nullable String problem) {
        static final String RECORDED = "recorded";
        static final String REPEAT = "repeat";
        static final String REFUSED = "refused";
        static final String FAILED = "failed";
    }

    /** The answer when every alert was recorded now or before, or refused while others were recorded. */
    public record Recorded(int alerts, int recorded, int repeats, int refused, List<AlertResult> results) {
    }

    /** The answer when no alert could be recorded (422), or some could not be stored and should be sent again (503). */
    public record NotRecorded(String error, String detail, int alerts, int recorded, int repeats, int refused,
                              int failed, List<AlertResult> results) {
    }

    @Post(uri = "/alertmanager", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<?> notification(@Body byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            return HttpResponse.badRequest(new ApiError("malformed_json", JsonProblems.describe(e)));
        }
        if (root == null || !root.path("alerts").isArray()) {
            return HttpResponse.badRequest(new ApiError("not_an_alertmanager_notification",
                    "expected Alertmanager's webhook body with \"alerts\": [...]"));
        }
        String version = root.path("version").asText("4");
        if (!version.equals("4")) {
            return HttpResponse.badRequest(new ApiError("unsupported_version", "payload version " + version
                    + "; Detour reads version 4"));
        }
        List<AlertResult> results = new ArrayList<>();
        for (JsonNode alert : root.path("alerts")) {
            results.add(deliver(alert, results.size(), root.path("status").asText("firing")));
        }
        return answer(results);
    }

    /** One alert, in its own transaction: whatever happens to it, the other alerts of the notification go on. */
    private AlertResult deliver(JsonNode alert, int index, String notificationStatus) {
        String fingerprint = alert.hasNonNull("fingerprint")
                ? TextLimits.clip(alert.get("fingerprint").asText(), FINGERPRINT_ECHO) : null;
        List<String> problems = new ArrayList<>();
        Optional<Target> target = target(alert.path("labels"), problems);
        if (target.isEmpty()) {
            return new AlertResult(index, fingerprint, AlertResult.REFUSED, problems.get(0));
        }
        // Refused before the duplicate check, so the same alert sent again with believable times is recorded.
        Optional<String> implausible = times.refusal(alert);
        if (implausible.isPresent()) {
            return new AlertResult(index, fingerprint, AlertResult.REFUSED, implausible.get());
        }
        meters.received(SignalMeters.Source.ALERTMANAGER, target.get().fold(p -> p, catalog::providerOf), 1);
        boolean firing = !"resolved".equals(alert.path("status").asText(notificationStatus));
        // Any length: InboundEvents keys deliveries by a digest.
        String key = alert.path("fingerprint").asText(alert.path("labels").toString()) + ":"
                + (firing ? "firing" : "resolved") + ":" + alert.path("startsAt").asText("");
        try {
            Signal signal = signal(alert, target.get(), firing);
            boolean recorded = signals.receiveOnce(SOURCE, key, signal);
            // A repeat too: a replica that restarted learns again which alerts fire (a preview's evidence).
            target.get().fold(provider -> null, model -> {
                firingAlerts.alert(alert.path("fingerprint").asText(alert.path("labels").toString()), model, firing);
                return null;
            });
            return recorded ? new AlertResult(index, fingerprint, AlertResult.RECORDED, null)
                    : new AlertResult(index, fingerprint, AlertResult.REPEAT, null);
        } catch (RuntimeException e) {
            // Nothing of this alert was kept (its duplicate check rolled back with it): a retry records it.
            LOG.error("Alertmanager alert {} ({}) could not be recorded; answering 503 so it is sent again", index,
                    fingerprint, e);
            return new AlertResult(index, fingerprint, AlertResult.FAILED,
                    "could not be stored; send the notification again");
        }
    }

    /**
     * 202 when every alert was recorded now or before, or some were refused but others recorded; 503 when some
     * could not be stored, so that Alertmanager, which retries only on 5xx, sends the notification again (the
     * recorded ones are then repeats); 422 when every alert was refused.
     */
    private static HttpResponse<?> answer(List<AlertResult> results) {
        int recorded = count(results, AlertResult.RECORDED);
        int repeats = count(results, AlertResult.REPEAT);
        int refused = count(results, AlertResult.REFUSED);
        int failed = count(results, AlertResult.FAILED);
        String refusals = results.stream().filter(r -> r.outcome().equals(AlertResult.REFUSED))
                .map(r -> "alert " + r.index() + ": " + r.problem()).collect(Collectors.joining("; "));
        if (failed > 0) {
            return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "10")
                    .body(new NotRecorded("not_recorded", failed + " of " + results.size()
                            + " alerts could not be stored; send the notification again (the others are recorded"
                            + " and will count as repeats)", results.size(), recorded, repeats, refused, failed,
                            results));
        }
        if (refused > 0 && recorded + repeats == 0) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new NotRecorded("invalid_alerts",
                    refusals + "; no alert was recorded", results.size(), 0, 0, refused, 0, results));
        }
        return HttpResponse.accepted().body(new Recorded(results.size(), recorded, repeats, refused, results));
    }

    private static int count(List<AlertResult> results, String outcome) {
        return (int) results.stream().filter(result -> result.outcome().equals(outcome)).count();
    }

    private Optional<Target> target(JsonNode labels, List<String> rejected) {
        String model = labels.path("model").asText("");
        String provider = labels.path("provider").asText("");
        if (!model.isEmpty()) {
            if (catalog.models().stream().anyMatch(m -> m.id().value().equals(model))) {
                return Optional.of(Target.model(dev.detour.incidents.catalog.ModelId.of(model)));
            }
            rejected.add("unknown model '" + TextLimits.clip(model, ID_ECHO) + "'");
            return Optional.empty();
        }
        if (!provider.isEmpty()) {
            if (catalog.providers().stream().anyMatch(p -> p.id().value().equals(provider))) {
                return Optional.of(Target.provider(dev.detour.incidents.catalog.ProviderId.of(provider)));
            }
            rejected.add("unknown provider '" + TextLimits.clip(provider, ID_ECHO) + "'");
            return Optional.empty();
        }
        rejected.add("no 'model' or 'provider' label");
        return Optional.empty();
    }

    private Signal signal(JsonNode alert, Target target, boolean firing) {
        JsonNode labels = alert.path("labels");
        String severity = labels.path("severity").asText("").toLowerCase(Locale.ROOT);
        String summary = alert.path("annotations").path("summary").asText(labels.path("alertname").asText("alert"));
        Instant at = times.at(alert, firing);
        return new Signal(SOURCE, List.of(target), firing, DOWN.contains(severity) ? Signal.Severity.DOWN
                : Signal.Severity.DEGRADED, Signal.Side.PROVIDER, new SignalEvidence.Alert(
                labels.path("alertname").asText("alert"), summary), at);
    }
}
