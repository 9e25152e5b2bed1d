package dev.detour.bot.ofrep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.detour.incidents.flags.Flag;
import dev.detour.incidents.flags.FlagSet;
import dev.detour.incidents.queries.CurrentFlags;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The OpenFeature Remote Evaluation Protocol (OFREP) over the current flags. Evaluations read the in-memory
 * snapshot only; the flags ignore the evaluation context (they are the same for every app), but a context must
 * still be an object.
 */
@Controller("/ofrep/v1/evaluate")
public class OfrepController {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Detour's flags have one value for everyone: no targeting is involved. */
    static final String REASON = "STATIC";

    private final CurrentFlags flags;
    private final List<EventStreamLink> eventStreams;

    public OfrepController(CurrentFlags flags, OfrepEventSettings eventSettings) {
        this.flags = flags;
        this.eventStreams = EventStreamLink.of(eventSettings);
    }

    /** No {@code cacheable}: OFREP dropped that field in June 2025 (docs/flags.md). */
    public record Evaluation(String key, Object value, String reason, String variant, Map<String, String> metadata) {
        static Evaluation of(Flag flag) {
            return new Evaluation(flag.key(), flag.value(), REASON, flag.variant(), flag.metadata());
        }
    }

    /** {@code eventStreams}: where the provider listens for changes instead of polling (docs/flags.md). */
    public record Bulk(List<Evaluation> flags, List<EventStreamLink> eventStreams) {
    }

    public record Failure(String key, String errorCode, String errorDetails) {
    }

    public record BulkFailure(String errorCode, String errorDetails) {
    }

    @Post(uri = "/flags/{key}", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> evaluate(@PathVariable String key, @Nullable @Body String body) {
        Optional<String> problem = contextProblem(body);
        if (problem.isPresent()) {
            return HttpResponse.badRequest(new Failure(key, errorCode(problem.get()), detail(problem.get())));
        }
        Optional<Flag> flag = flags.get().get(key);
        if (flag.isEmpty()) {
            return HttpResponse.status(HttpStatus.NOT_FOUND).body(new Failure(key, "FLAG_NOT_FOUND",
                    "no flag '" + key + "': flags are provider.<id>.enabled, model.<id>.enabled and"
                            + " route.<task-class>"));
        }
        return HttpResponse.ok(Evaluation.of(flag.get()));
    }

    @Post(uri = "/flags", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> evaluateAll(@Nullable @Body String body, HttpHeaders headers) {
        Optional<String> problem = contextProblem(body);
        if (problem.isPresent()) {
            return HttpResponse.badRequest(new BulkFailure(errorCode(problem.get()), detail(problem.get())));
        }
        FlagSet current = flags.get();
        if (IfNoneMatch.matches(headers.getAll(HttpHeaders.IF_NONE_MATCH), current.etag())) {
            return HttpResponse.notModified().header(HttpHeaders.ETAG, current.etag());
        }
        return HttpResponse.ok(new Bulk(current.all().stream().map(Evaluation::of).toList(), eventStreams))
                .header(HttpHeaders.ETAG, current.etag());
    }

    /** "PARSE_ERROR: ..." or "INVALID_CONTEXT: ...", or empty for an acceptable body. */
    private static Optional<String> contextProblem(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            return Optional.of("PARSE_ERROR: the body is not JSON");
        }
        if (!root.isObject()) {
            return Optional.of("PARSE_ERROR: the body must be a JSON object, e.g. {\"context\":{}}");
        }
        JsonNode context = root.path("context");
        if (!context.isMissingNode() && !context.isNull() && !context.isObject()) {
            return Optional.of("INVALID_CONTEXT: \"context\" must be an object");
        }
        return Optional.empty();
    }

    private static String errorCode(String problem) {
        return problem.substring(0, problem.indexOf(':'));
    }

    private static String detail(String problem) {
        return problem.substring(problem.indexOf(':') + 2);
    }
}
