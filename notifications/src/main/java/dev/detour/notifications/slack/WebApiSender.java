package dev.detour.notifications.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Posts through Slack's Web API ({@code chat.postMessage}, {@code chat.update}, {@code conversations.join}) and
 * counts each call in {@link SlackApiCalls}. Pacing is the dispatcher's.
 */
public final class WebApiSender implements SlackSender {
    /** Errors that a later attempt may not see. Everything else Slack says is permanent. */
    private static final Set<String> TRANSIENT = Set.of("ratelimited", "internal_error", "fatal_error",
            "service_unavailable", "request_timeout");

    private final MethodsClient slack;
    private final SlackApiCalls calls;

    public WebApiSender(MethodsClient slack, SlackApiCalls calls) {
        this.slack = slack;
        this.calls = calls;
    }

    @Override
    public SendResult post(String channel, Optional<String> threadTs, SlackPayload message) {
        return call("chat.postMessage", () -> slack.chatPostMessage(r -> r.channel(channel)
                        .threadTs(threadTs.orElse(null)).text(message.text()).blocksAsString(message.blocksJson())),
                response -> new SendResult.Delivered(response.getChannel(), response.getTs()));
    }

    @Override
    public SendResult update(String channel, String ts, SlackPayload message) {
        return call("chat.update", () -> slack.chatUpdate(r -> r.channel(channel).ts(ts).text(message.text())
                        .blocksAsString(message.blocksJson())),
                response -> new SendResult.Delivered(response.getChannel(), response.getTs()));
    }

    @Override
    public SendResult join(String channel) {
        return call("conversations.join", () -> slack.conversationsJoin(r -> r.channel(channel)),
                response -> new SendResult.Delivered(channel, ""));
    }

    private interface Call<R extends SlackApiTextResponse> {
        R run() throws IOException, SlackApiException;
    }

    private <R extends SlackApiTextResponse> SendResult call(String method, Call<R> call,
                                                             Function<R, SendResult.Delivered> delivered) {
        R response;
        try {
            response = call.run();
        } catch (SlackApiException e) {
            calls.failed(method, e);
            int status = e.getResponse().code();
            if (status == 429) {
                Optional<Duration> after = Optional.ofNullable(e.getResponse().header("Retry-After"))
                        .flatMap(WebApiSender::seconds);
                return new SendResult.Retry(after, "ratelimited");
            }
            return status >= 500 ? new SendResult.Retry(Optional.empty(), "http " + status)
                    : new SendResult.Failed(e.getError() == null ? "http " + status : e.getError().getError());
        } catch (IOException e) {
            calls.unreachable(method);
            return new SendResult.Retry(Optional.empty(), "io: " + e.getMessage());
        }
        calls.answered(method, response);
        return response.isOk() ? delivered.apply(response) : refused(response);
    }

    private static SendResult refused(SlackApiTextResponse response) {
        return TRANSIENT.contains(response.getError()) ? new SendResult.Retry(Optional.empty(), response.getError())
                : new SendResult.Failed(response.getError());
    }

    private static Optional<Duration> seconds(String header) {
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(header.strip())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
