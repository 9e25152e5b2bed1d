package dev.detour.bot.ofrep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.detour.incidents.flags.Flag;
import dev.detour.incidents.flags.FlagEvaluation;
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
 * snapshot only. The flags are the same for every app, but while a target ramps the flags that depend on it are
 * split by the context's {@code targetingKey} (docs/flags.md, "While a target ramps"); only then is the context
 * read. A context must always be an object.
 */
@Controller("/ofrep/v1/evaluate")
public class OfrepController {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A flag with one value for everyone: no targeting is involved. */
    static final String REASON = FlagEvaluation.Reason.STATIC.name();

    private final CurrentFlags flags;
    private final List<EventStreamLink> eventStreams;

    public OfrepController(CurrentFlags flags, OfrepEventSettings eventSettings) {
        this.flags = flags;
        this.eventStreams = EventStreamLink.of(eventSettings);
    }

    /** No {@code cacheable}: OFREP dropped that field in June 2025 (docs/flags.md). */
    public record Evaluation(String key, Object value, String reason, String variant, Map<String, String> metadata) {
        static Evaluation of(FlagEvaluation evaluation) {
            return new Evaluation(evaluation.key(), evaluation.value(), evaluation.reason().name(),
                    evaluation.variant(), evaluation.metadata());
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
        Request request = Request.read(body);
        if (request.problem().isPresent()) {
            String problem = request.problem().get();
            return HttpResponse.badRequest(new Failure(key, errorCode(problem), detail(problem)));
        }
        FlagSet current = flags.get();
        Optional<Flag> flag = current.get(key);
        if (flag.isEmpty()) {
            return HttpResponse.status(HttpStatus.NOT_FOUND).body(new Failure(key, "FLAG_NOT_FOUND",
                    "no flag '" + key + "': flags are provider.<id>.enabled, model.<id>.enabled and"
                            + " route.<task-class>"));
        }
        return HttpResponse.ok(Evaluation.of(flag.get().evaluate(request.targetingKey(current))));
    }

    @Post(uri = "/flags", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> evaluateAll(@Nullable @Body String body, HttpHeaders headers) {
        Request request = Request.read(body);
        if (request.problem().isPresent()) {
            String problem = request.problem().get();
            return HttpResponse.badRequest(new BulkFailure(errorCode(problem), detail(problem)));
        }
        FlagSet current = flags.get();
        Optional<String> targetingKey = request.targetingKey(current);
        String etag = current.etagFor(targetingKey);
        if (IfNoneMatch.matches(headers.getAll(HttpHeaders.IF_NONE_MATCH), etag)) {
            return HttpResponse.notModified().header(HttpHeaders.ETAG, etag);
        }
        return HttpResponse.ok(new Bulk(current.all().stream()
                        .map(flag -> Evaluation.of(flag.evaluate(targetingKey))).toList(), eventStreams))
                .header(HttpHeaders.ETAG, etag);
    }

    /**
     * A request body as read once: a problem ("PARSE_ERROR: ..." or "INVALID_CONTEXT: ..."), or the context
     * (an object, or missing).
     */
    private record Request(Optional<String> problem, JsonNode context) {
        static Request read(String body) {
            if (body == null || body.isBlank()) {
                return new Request(Optional.empty(), com.fasterxml.jackson.databind.node.MissingNode.getInstance());
            }
            JsonNode root;
            try {
                root = JSON.readTree(body);
            } catch (IOException e) {
                return failed("PARSE_ERROR: the body is not JSON");
            }
            if (root == null || !root.isObject()) {
                return failed("PARSE_ERROR: the body must be a JSON object, e.g. {\"context\":{}}");
            }
            JsonNode context = root.path("context");
            if (!context.isMissingNode() && !context.isNull() && !context.isObject()) {
                return failed("INVALID_CONTEXT: \"context\" must be an object");
            }
            return new Request(Optional.empty(), context);
        }

        private static Request failed(String problem) {
            return new Request(Optional.of(problem), com.fasterxml.jackson.databind.node.MissingNode.getInstance());
        }

        /**
         * The context's {@code targetingKey} when it is a string and some flag is split by it; otherwise empty
         * (no flag depends on it, so it is not looked at).
         */
        Optional<String> targetingKey(FlagSet current) {
            if (!current.splits()) {
                return Optional.empty();
            }
            JsonNode key = context.path("targetingKey");
            return key.isTextual() ? Optional.of(key.textValue()) : Optional.empty();
        }
    }

    private static String errorCode(String problem) {
        return problem.substring(0, problem.indexOf(':'));
    }

    private static String detail(String problem) {
        return problem.substring(problem.indexOf(':') + 2);
    }
}
