package dev.detour.bot.ofrep;

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

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The OpenFeature Remote Evaluation Protocol (OFREP) over the current flags. Evaluations read the in-memory
 * snapshot only. The flags are the same for every app, but while a target ramps the flags that depend on it are
 * split by the context's {@code targetingKey} (docs/flags.md, "While a target ramps"); only then is the context
 * read. A context must always be an object. The usual answers are served before Micronaut's routing by
 * {@link OfrepFastPath}; this controller answers everything else (errors, unusual requests) and is the
 * reference the fast path agrees with.
 */
@Controller("/ofrep/v1/evaluate")
public class OfrepController {
    /** A flag with one value for everyone: no targeting is involved. */
    static final String REASON = FlagEvaluation.Reason.STATIC.name();

    private final CurrentFlags flags;
    private final OfrepAnswers answers;

    public OfrepController(CurrentFlags flags, OfrepAnswers answers) {
        this.flags = flags;
        this.answers = answers;
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
        OfrepRequest request = OfrepRequest.read(body);
        if (request.problem().isPresent()) {
            return HttpResponse.badRequest(new Failure(key, request.errorCode(), request.detail()));
        }
        FlagSet current = flags.get();
        Optional<byte[]> answer = answers.single(current, key, request.targetingKey(current));
        if (answer.isEmpty()) {
            return HttpResponse.status(HttpStatus.NOT_FOUND).body(new Failure(key, "FLAG_NOT_FOUND",
                    "no flag '" + key + "': flags are provider.<id>.enabled, model.<id>.enabled and"
                            + " route.<task-class>"));
        }
        return HttpResponse.ok(answer.get()).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    @Post(uri = "/flags", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> evaluateAll(@Nullable @Body String body, HttpHeaders headers) {
        OfrepRequest request = OfrepRequest.read(body);
        if (request.problem().isPresent()) {
            return HttpResponse.badRequest(new BulkFailure(request.errorCode(), request.detail()));
        }
        FlagSet current = flags.get();
        Optional<String> targetingKey = request.targetingKey(current);
        String etag = current.etagFor(targetingKey);
        if (IfNoneMatch.matches(headers.getAll(HttpHeaders.IF_NONE_MATCH), etag)) {
            return HttpResponse.notModified().header(HttpHeaders.ETAG, etag);
        }
        return HttpResponse.ok(answers.bulk(current, targetingKey)).contentType(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.ETAG, etag);
    }
}
