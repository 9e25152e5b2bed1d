package dev.detour.bot.signals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.detour.bot.api.ApiError;
import dev.detour.bot.api.JsonProblems;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.Provider;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.io.IOException;
import java.util.Optional;

/**
 * {@code POST /signals/statusgator}: StatusGator's v3 webhook. The service's slug names the provider (config
 * {@code statusgator}); its statuses become the signals a Statuspage component update gives (docs/signals.md,
 * "StatusGator"). A service no provider claims is ignored: StatusGator watches many services.
 */
@Controller("/signals")
public class StatusGatorController {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Catalog catalog;
    private final ProviderStatusPageReadings readings;

    public StatusGatorController(Catalog catalog, ProviderStatusPageReadings readings) {
        this.catalog = catalog;
        this.readings = readings;
    }

    public record Recorded(String provider, int signals, String detail) {
    }

    public record Ignored(boolean ignored, String detail) {
    }

    @Post(uri = "/statusgator", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<?> webhook(@Body byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body == null ? new byte[0] : body);
        } catch (IOException e) {
            return HttpResponse.badRequest(new ApiError("malformed_json", JsonProblems.describe(e)));
        }
        StatusGatorEvent event;
        try {
            event = StatusGatorEvent.read(root);
        } catch (StatusGatorEvent.NotAnEvent e) {
            return HttpResponse.badRequest(new ApiError("not_a_statusgator_event", e.getMessage()));
        }
        Optional<Provider> provider = catalog.providers().stream()
                .filter(p -> p.statusGator().filter(event.slug()::equals).isPresent()).findFirst();
        if (provider.isEmpty()) {
            return HttpResponse.accepted().body(new Ignored(true, "no provider has statusgator: "
                    + dev.detour.incidents.incident.TextLimits.clip(event.slug(), 80)));
        }
        ProviderStatusPageReadings.Result result = readings.statusGator(provider.get(), event);
        return HttpResponse.accepted().body(new Recorded(provider.get().id().value(), result.signals(),
                result.detail()));
    }
}
