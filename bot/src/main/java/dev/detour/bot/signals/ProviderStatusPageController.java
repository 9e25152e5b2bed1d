package dev.detour.bot.signals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.detour.bot.api.ApiError;
import dev.detour.bot.api.JsonProblems;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.Provider;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@code POST /signals/statuspage/{providerId}}: Statuspage's component-update and incident-update webhooks. */
@Controller("/signals/statuspage")
public class ProviderStatusPageController {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Catalog catalog;
    private final ProviderStatusPageReadings readings;

    public ProviderStatusPageController(Catalog catalog, ProviderStatusPageReadings readings) {
        this.catalog = catalog;
        this.readings = readings;
    }

    public record Recorded(int signals, int updates, String detail, int maintenances) {
    }

    public record PartlyRefused(String error, String detail, int signals, int updates, List<String> rejected) {
    }

    @Post(uri = "/{providerId}", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<?> webhook(@PathVariable String providerId, @Body byte[] body) {
        Optional<Provider> provider = catalog.providers().stream()
                .filter(p -> p.id().value().equals(providerId)).findFirst();
        if (provider.isEmpty()) {
            return HttpResponse.status(HttpStatus.NOT_FOUND).body(new ApiError("unknown_provider", "no provider '"
                    + providerId + "' in the config; known: " + catalog.providers().stream()
                    .map(p -> p.id().value()).collect(Collectors.joining(", "))));
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            return HttpResponse.badRequest(new ApiError("malformed_json", JsonProblems.describe(e)));
        }
        if (root == null || !root.isObject()
                || !(root.has("component") || root.has("component_update") || root.has("incident"))) {
            return HttpResponse.badRequest(new ApiError("not_a_statuspage_notification",
                    "expected a Statuspage webhook with \"component_update\" or \"incident\""));
        }
        ProviderStatusPageReadings.Result result = readings.webhook(provider.get(), root);
        if (!result.refused().isEmpty()) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new PartlyRefused("implausible_times",
                    String.join("; ", result.refused()) + "; the rest of the notification was recorded",
                    result.signals(), result.updates(), result.refused()));
        }
        return HttpResponse.accepted().body(new Recorded(result.signals(), result.updates(), result.detail(),
                result.maintenances()));
    }

}
