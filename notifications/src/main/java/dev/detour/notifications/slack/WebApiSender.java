package dev.detour.notifications.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.methods.response.conversations.ConversationsJoinResponse;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** Posts through Slack's Web API ({@code chat.postMessage}, {@code chat.update}). Pacing is the dispatcher's. */
public final class WebApiSender implements SlackSender {
    /** Errors that a later attempt may not see. Everything else Slack says is permanent. */
    private static final Set<String> TRANSIENT = Set.of("ratelimited", "internal_error", "fatal_error",
            "service_unavailable", "request_timeout");

    private final MethodsClient slack;

    public WebApiSender(MethodsClient slack) {
        this.slack = slack;
    }

    @Override
    public SendResult post(String channel, Optional<String> threadTs, SlackPayload message) {
        return call(() -> {
            ChatPostMessageResponse response = slack.chatPostMessage(r -> r.channel(channel)
                    .threadTs(threadTs.orElse(null)).text(message.text()).blocksAsString(message.blocksJson()));
            return response.isOk() ? new SendResult.Delivered(response.getChannel(), response.getTs())
                    : refused(response);
        });
    }

    @Override
    public SendResult update(String channel, String ts, SlackPayload message) {
        return call(() -> {
            ChatUpdateResponse response = slack.chatUpdate(r -> r.channel(channel).ts(ts).text(message.text())
                    .blocksAsString(message.blocksJson()));
            return response.isOk() ? new SendResult.Delivered(response.getChannel(), response.getTs())
                    : refused(response);
        });
    }

    @Override
    public SendResult join(String channel) {
        return call(() -> {
            ConversationsJoinResponse response = slack.conversationsJoin(r -> r.channel(channel));
            return response.isOk() ? new SendResult.Delivered(channel, "") : refused(response);
        });
    }

    private interface Call {
        SendResult run() throws IOException, SlackApiException;
    }

    private static SendResult call(Call call) {
        try {
            return call.run();
        } catch (SlackApiException e) {
            int status = e.getResponse().code();
            if (status == 429) {
                Optional<Duration> after = Optional.ofNullable(e.getResponse().header("Retry-After"))
                        .flatMap(WebApiSender::seconds);
                return new SendResult.Retry(after, "ratelimited");
            }
            return status >= 500 ? new SendResult.Retry(Optional.empty(), "http " + status)
                    : new SendResult.Failed(e.getError() == null ? "http " + status : e.getError().getError());
        } catch (IOException e) {
            return new SendResult.Retry(Optional.empty(), "io: " + e.getMessage());
        }
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
