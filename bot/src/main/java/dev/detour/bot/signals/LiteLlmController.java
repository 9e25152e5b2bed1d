package dev.detour.bot.signals;

import dev.detour.bot.api.ApiError;
import dev.detour.incidents.catalog.Catalog;
import dev.detour.incidents.catalog.DetourConfig;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.time.Clock;

/**
 * {@code POST /signals/litellm}: LiteLLM's {@code generic_api} logging callback. Each standard logging payload
 * is one gateway outcome, with the gateway's token, limits and answers (docs/signals.md, "LiteLLM callbacks").
 * LiteLLM labels every format {@code application/json}, ndjson included.
 */
@Controller("/signals")
public class LiteLlmController {
    private final LiteLlmLogReader reader;
    private final GatewayIntake intake;

    LiteLlmController(Catalog catalog, DetourConfig config, GatewayIntake intake, Clock clock) {
        this.reader = new LiteLlmLogReader(catalog, config.sinks(), clock);
        this.intake = intake;
    }

    @Post(uri = "/litellm", consumes = {MediaType.APPLICATION_JSON, "application/x-ndjson", MediaType.TEXT_PLAIN},
            produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<?> logs(@Body byte[] body) {
        GatewayBatchReader.Batch batch;
        try {
            batch = reader.read(body);
        } catch (GatewayBatchReader.MalformedBatch e) {
            return HttpResponse.badRequest(new ApiError("malformed_logs", e.getMessage()));
        }
        return intake.take(batch, "logs");
    }
}
