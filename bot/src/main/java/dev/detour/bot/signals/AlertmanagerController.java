package dev.detour.bot.signals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.detour.bot.api.ApiError;
import dev.detour.bot.api.JsonProblems;
import dev.detour.bot.metrics.SignalMeters;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.incident.Target;
import dev.detour.incidents.service.InboundEvents;
import dev.detour.incidents.service.SignalService;
import dev.detour.incidents.signals.Signal;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /signals/alertmanager}: Prometheus Alertmanager's webhook (payload version 4). Each alert names a
 * {@code model} and/or {@code provider} label; a firing alert is a failing signal, a resolved one clears it. A
 * notification Alertmanager repeats (same fingerprint, same status, same start) is recorded once.
 */
@Controller("/signals")
public class AlertmanagerController {
    public static final String SOURCE = "alertmanager";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> DOWN = Set.of("critical", "page", "error", "fatal");

    private final Catalog catalog;
    private final SignalService signals;
    private final InboundEvents inbound;
    private final Clock clock;
    private final SignalMeters meters;
    private final AlertTimes times;

    public AlertmanagerController(Catalog catalog, SignalService signals, InboundEvents inbound, Clock clock,
                                  SignalMeters meters) {
        this.catalog = catalog;
        this.signals = signals;
        this.inbound = inbound;
        this.clock = clock;
        this.meters = meters;
        this.times = new AlertTimes(clock);
    }

    public record Recorded(int alerts, int recorded, int repeats) {
    }

    public record PartlyRefused(String error, String detail, int recorded, List<String> rejected) {
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
        List<String> rejected = new ArrayList<>();
        int recorded = 0;
        int repeats = 0;
        int index = 0;
        for (JsonNode alert : root.path("alerts")) {
            Optional<Target> target = target(alert.path("labels"), index, rejected);
            index++;
            if (target.isEmpty()) {
                continue;
            }
            Optional<String> implausible = times.refusal(alert);
            if (implausible.isPresent()) {
                rejected.add("alert " + (index - 1) + ": " + implausible.get());
                continue;
            }
            meters.received(SignalMeters.Source.ALERTMANAGER, target.get().fold(p -> p, catalog::providerOf), 1);
            boolean firing = !"resolved".equals(alert.path("status").asText(root.path("status").asText("firing")));
            String key = alert.path("fingerprint").asText(alert.path("labels").toString()) + ":"
                    + (firing ? "firing" : "resolved") + ":" + alert.path("startsAt").asText("");
            if (!inbound.firstTime(SOURCE, key)) {
                repeats++;
                continue;
            }
            signals.receive(signal(alert, target.get(), firing));
            recorded++;
        }
        if (!rejected.isEmpty()) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new PartlyRefused("invalid_alerts",
                    String.join("; ", rejected) + "; the other alerts were recorded", recorded, rejected));
        }
        return HttpResponse.accepted().body(new Recorded(index, recorded, repeats));
    }

    private Optional<Target> target(JsonNode labels, int index, List<String> rejected) {
        String model = labels.path("model").asText("");
        String provider = labels.path("provider").asText("");
        if (!model.isEmpty()) {
            if (catalog.models().stream().anyMatch(m -> m.id().value().equals(model))) {
                return Optional.of(Target.model(dev.detour.incidents.catalog.ModelId.of(model)));
            }
            rejected.add("alert " + index + ": unknown model '" + model + "'");
            return Optional.empty();
        }
        if (!provider.isEmpty()) {
            if (catalog.providers().stream().anyMatch(p -> p.id().value().equals(provider))) {
                return Optional.of(Target.provider(dev.detour.incidents.catalog.ProviderId.of(provider)));
            }
            rejected.add("alert " + index + ": unknown provider '" + provider + "'");
            return Optional.empty();
        }
        rejected.add("alert " + index + ": no 'model' or 'provider' label");
        return Optional.empty();
    }

    private Signal signal(JsonNode alert, Target target, boolean firing) {
        JsonNode labels = alert.path("labels");
        String severity = labels.path("severity").asText("").toLowerCase(Locale.ROOT);
        String summary = alert.path("annotations").path("summary").asText(labels.path("alertname").asText("alert"));
        Instant at = times.at(alert, firing);
        return new Signal(SOURCE, List.of(target), firing, DOWN.contains(severity) ? Signal.Severity.DOWN
                : Signal.Severity.DEGRADED, Signal.Side.PROVIDER, labels.path("alertname").asText("alert") + ": "
                + summary, at);
    }
}
