package dev.detour.bot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import dev.detour.bot.api.ApiError;
import dev.detour.bot.metrics.SlashCommandMeters;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /slack/events}: slash commands, interactivity and the Events API. Checks Slack's signature, refuses
 * bodies Slack never sends ({@link SlackPayloadCheck}), then hands the raw request to Bolt's {@link App} and copies
 * its answer back. Nothing here touches the database, so the acknowledgement never waits for it: replays and
 * retried events are recognised in the work that follows, before any effect ({@link SlackDeliveries}).
 */
@Controller("/slack")
@Requires(beans = App.class)
public class SlackEventsController {
    private static final Logger LOG = LoggerFactory.getLogger(SlackEventsController.class);

    private final App app;
    private final SlackRequestParser parser;
    private final SlackSignatureCheck signatures;
    private final SlashCommandMeters timers;
    private final AcknowledgementsFirst acknowledgements;
    private final SlackPayloadCheck payloads;

    public SlackEventsController(App app, SlackSignatureCheck signatures, SlackPayloadCheck payloads,
                                 SlashCommandMeters timers,
                                 AcknowledgementsFirst acknowledgements) {
        this.acknowledgements = acknowledgements;
        this.payloads = payloads;
        this.app = app;
        this.parser = new SlackRequestParser(app.config());
        this.signatures = signatures;
        this.timers = timers;
    }

    @Post(uri = "/events", consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON},
            produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<?> events(HttpRequest<?> request, @Nullable @Body String rawBody) {
        acknowledgements.started();
        try {
            return acknowledge(request, rawBody);
        } finally {
            acknowledgements.finished();
        }
    }

    private HttpResponse<?> acknowledge(HttpRequest<?> request, @Nullable String rawBody) {
        long received = timers.now();
        String body = rawBody == null ? "" : rawBody;
        String timestamp = request.getHeaders().get("X-Slack-Request-Timestamp");
        String signature = request.getHeaders().get("X-Slack-Signature");
        Optional<String> refusal = signatures.refusal(timestamp, signature, body);
        if (refusal.isPresent()) {
            return HttpResponse.status(HttpStatus.UNAUTHORIZED).body(new ApiError("invalid_signature",
                    refusal.get()));
        }
        SlackPayloadCheck.Verdict verdict = payloads.check(body);
        if (verdict instanceof SlackPayloadCheck.Refused refused) {
            LOG.info("A signed Slack request was refused: {}", refused.detail());
            return invalidPayload(refused.detail());
        }
        Request<?> slack;
        try {
            slack = parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri(request.getPath())
                    .queryString(query(request))
                    .headers(new RequestHeaders(headers(request)))
                    .requestBody(body)
                    .remoteAddress(remoteAddress(request))
                    .build());
        } catch (RuntimeException e) {
            // A field of the wrong JSON type, say: the payload check found the fields, Bolt could not map them.
            LOG.info("Bolt could not read a signed Slack request ({})", e.getClass().getSimpleName());
            return invalidPayload("the body does not have the shape of a Slack request");
        }
        if (slack == null) {
            return invalidPayload("Detour does not take this kind of Slack request");
        }
        // Handlers time slash commands from here: the signature check and Bolt's parsing count too.
        slack.getContext().getAdditionalValues().put(SlashCommandMeters.RECEIVED, Long.toString(received));
        SlackDeliveries.remember(slack.getContext().getAdditionalValues(), timestamp.strip(), signature.strip(),
                ((SlackPayloadCheck.Readable) verdict).eventId());
        try {
            return copy(app.run(slack));
        } catch (Exception e) {
            LOG.error("Bolt failed on a Slack request", e);
            return HttpResponse.serverError(new ApiError("internal_error", "Detour could not handle this request"));
        }
    }

    private static HttpResponse<?> invalidPayload(String detail) {
        return HttpResponse.badRequest(new ApiError("invalid_payload", detail));
    }

    private static MutableHttpResponse<?> copy(Response response) {
        MutableHttpResponse<String> out = HttpResponse.status(HttpStatus.valueOf(response.getStatusCode()));
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("content-length") && !name.equalsIgnoreCase("content-type")) {
                    values.forEach(value -> out.header(name, value));
                }
            });
        }
        String body = response.getBody();
        if (body != null && !body.isEmpty()) {
            out.contentType(response.getContentType() == null ? MediaType.APPLICATION_JSON
                    : response.getContentType());
            out.contentLength(body.getBytes(StandardCharsets.UTF_8).length);
            out.body(body);
        }
        return out;
    }

    private static Map<String, List<String>> headers(HttpRequest<?> request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        request.getHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), new ArrayList<>(values)));
        return headers;
    }

    private static Map<String, List<String>> query(HttpRequest<?> request) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        request.getParameters().forEach((name, values) -> query.put(name, new ArrayList<>(values)));
        return query;
    }

    /** Works for IPv6 peers too: the host string, without brackets or port. */
    private static String remoteAddress(HttpRequest<?> request) {
        InetSocketAddress address = request.getRemoteAddress();
        return address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
    }
}
