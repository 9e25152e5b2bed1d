package dev.detour.bot.ofrep;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

import java.util.List;

/**
 * {@code GET /ofrep/v1/configuration} (docs/flags.md, "Change events"): what this flag system can do, in the shape
 * OFREP gave this endpoint (polling allowed, and its minimum interval; the flag types Detour serves), plus the
 * {@code eventStreams} a bulk answer advertises.
 */
@Controller("/ofrep/v1")
public class OfrepConfigurationController {
    private final Configuration configuration;

    public OfrepConfigurationController(OfrepEventSettings settings) {
        this.configuration = new Configuration("detour", new Capabilities(
                new CacheInvalidation(new Polling(true, settings.minPollingInterval().toMillis())),
                new FlagEvaluation(List.of("boolean", "string")),
                EventStreamLink.of(settings)));
    }

    public record Configuration(String name, Capabilities capabilities) {
    }

    public record Capabilities(CacheInvalidation cacheInvalidation, FlagEvaluation flagEvaluation,
                               List<EventStreamLink> eventStreams) {
    }

    public record CacheInvalidation(Polling polling) {
    }

    public record Polling(boolean enabled, long minPollingIntervalMs) {
    }

    public record FlagEvaluation(List<String> supportedTypes) {
    }

    @Get(uri = "/configuration", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<Configuration> configuration() {
        return HttpResponse.ok(configuration);
    }
}
