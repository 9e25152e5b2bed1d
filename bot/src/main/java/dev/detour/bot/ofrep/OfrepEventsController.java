package dev.detour.bot.ofrep;

import dev.detour.bot.api.ApiError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;

import java.util.Optional;

/**
 * OFREP's change events (docs/flags.md, "Change events"): {@code GET /ofrep/v1/events} is a server-sent-events
 * stream of {@code refetchEvaluation} events, one per flag-snapshot change, with the snapshot's ETag as each
 * event's {@code id}. Behind the same bearer token as evaluations ({@code ApiTokenFilter}).
 */
@Controller("/ofrep/v1")
public class OfrepEventsController {
    /** The header a reconnecting {@code EventSource} sends with the last {@code id} it read. */
    static final String LAST_EVENT_ID = "Last-Event-ID";

    private final EventStreams streams;
    private final OfrepEventSettings settings;

    public OfrepEventsController(EventStreams streams, OfrepEventSettings settings) {
        this.streams = streams;
        this.settings = settings;
    }

    @Get(uri = "/events", produces = {MediaType.TEXT_EVENT_STREAM, MediaType.APPLICATION_JSON})
    public HttpResponse<?> events(@Nullable @Header(LAST_EVENT_ID) String lastEventId) {
        Optional<EventConnection> connection = streams.open(lastEventId);
        if (connection.isEmpty()) {
            return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, settings.retryAfter().toSeconds())))
                    .contentType(MediaType.APPLICATION_JSON_TYPE)
                    .body(new ApiError("service_unavailable", "this replica holds its maximum of "
                            + settings.maxConnections() + " event streams; poll POST /ofrep/v1/evaluate/flags"
                            + " meanwhile, or retry later"));
        }
        return HttpResponse.ok(connection.get())
                .contentType(MediaType.TEXT_EVENT_STREAM_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .header("X-Accel-Buffering", "no"); // nginx in front: pass each event through at once
    }
}
